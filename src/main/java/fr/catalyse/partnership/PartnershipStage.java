package fr.catalyse.partnership;

import org.springframework.modulith.NamedInterface;

/**
 * Where a partnership stands; the first five follow the process, the last three end it.
 */
@NamedInterface("statuses")
public enum PartnershipStage {

    DIALOGUE, MATCHMAKING, DESIGN, SUPPORT, EVALUATION, CLOSED, SPREAD, STOPPED

}
