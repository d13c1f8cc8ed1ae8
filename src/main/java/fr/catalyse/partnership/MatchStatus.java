package fr.catalyse.partnership;

import org.springframework.modulith.NamedInterface;

/** Outcome of an invitation to join a partnership. */
@NamedInterface("statuses")
public enum MatchStatus {

    PROPOSED, ACCEPTED, DECLINED, EXPIRED

}
