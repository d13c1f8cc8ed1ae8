package fr.catalyse.partnership;

/** Outcome of an invitation to join a partnership. */
public enum MatchStatus {
  PROPOSED,
  ACCEPTED,
  DECLINED,
  EXPIRED
}
