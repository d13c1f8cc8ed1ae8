package fr.catalyse.pathway;

import org.springframework.modulith.NamedInterface;

/** Whether a deliverable came in, and in time. */
@NamedInterface("statuses")
public enum DeliverableStatus {

    EXPECTED, SUBMITTED, SUBMITTED_LATE

}
