package fr.catalyse.partnership;

/** How an organisation takes part in a partnership. */
public enum PartnerStatus {
  CANDIDATE,
  INVITED,
  PARTNER,
  DECLINED,
  WITHDRAWN
}
