package fr.catalyse.pathway;

/** Where a version of the socle commun stands. */
public enum FoundationStatus {
  IN_REVIEW,
  SENT_BACK,
  VALIDATED,
  PUBLISHED
}
