package fr.catalyse.partnership;

/** Where a partnership stands; the first five follow the process, the last three end it. */
public enum PartnershipStage {
  DIALOGUE,
  MATCHMAKING,
  DESIGN,
  SUPPORT,
  EVALUATION,
  CLOSED,
  SPREAD,
  STOPPED
}
