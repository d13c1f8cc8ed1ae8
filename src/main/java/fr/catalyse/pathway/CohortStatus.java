package fr.catalyse.pathway;

/** Where a cohort stands. */
public enum CohortStatus {
  CALL_FOR_APPLICATIONS,
  RUNNING,
  CLOSING,
  PUBLISHED,
  CLOSED,
  ABANDONED
}
