package fr.catalyse.pathway;

import org.springframework.modulith.NamedInterface;

/** Where a cohort stands. */
@NamedInterface("statuses")
public enum CohortStatus {

    CALL_FOR_APPLICATIONS, RUNNING, CLOSING, PUBLISHED, CLOSED, ABANDONED

}
