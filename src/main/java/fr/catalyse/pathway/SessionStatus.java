package fr.catalyse.pathway;

import org.springframework.modulith.NamedInterface;

/** Where a collective session stands. */
@NamedInterface("statuses")
public enum SessionStatus {

    PLANNED, CONVENED, HELD, CAPITALISED, CANCELLED

}
