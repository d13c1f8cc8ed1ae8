package fr.catalyse.partnership;

import org.springframework.modulith.NamedInterface;

/** Kinds of entries in a partnership's journal. */
@NamedInterface("statuses")
public enum JournalKind {

    ACQUAINTANCE_MEETING, STAKES_DECISION, SUPPORT_PLAN, SUPPORT_ACTIONS, STEERING_MEETING, MEDIATION_REQUESTED,
    MEDIATION_CONDUCTED, DIALOGUE_STALLED, MONTH36_REVIEW

}
