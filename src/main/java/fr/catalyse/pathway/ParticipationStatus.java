package fr.catalyse.pathway;

import org.springframework.modulith.NamedInterface;

/** A territory's standing in a cohort. */
@NamedInterface("statuses")
public enum ParticipationStatus {

    INVITED, APPLIED, NO_APPLICATION, SELECTED, NOT_SELECTED

}
