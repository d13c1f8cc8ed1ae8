package fr.catalyse.pathway;

/** Whether a deliverable came in, and in time. */
public enum DeliverableStatus {
  EXPECTED,
  SUBMITTED,
  SUBMITTED_LATE
}
