package fr.catalyse.pathway;

/** Where a collective session stands. */
public enum SessionStatus {
  PLANNED,
  CONVENED,
  HELD,
  CAPITALISED,
  CANCELLED
}
