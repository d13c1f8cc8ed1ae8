package fr.catalyse.pathway;

import org.springframework.modulith.NamedInterface;

/** Where a version of the socle commun stands. */
@NamedInterface("statuses")
public enum FoundationStatus {

    IN_REVIEW, SENT_BACK, VALIDATED, PUBLISHED

}
