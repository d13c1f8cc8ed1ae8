package fr.catalyse.partnership;

import org.springframework.modulith.NamedInterface;

/** How an organisation takes part in a partnership. */
@NamedInterface("statuses")
public enum PartnerStatus {

    CANDIDATE, INVITED, PARTNER, DECLINED, WITHDRAWN

}
