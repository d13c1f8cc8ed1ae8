package fr.catalyse.pathway;

/** A territory's standing in a cohort. */
public enum ParticipationStatus {
  INVITED,
  APPLIED,
  NO_APPLICATION,
  SELECTED,
  NOT_SELECTED
}
