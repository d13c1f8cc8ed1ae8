package fr.catalyse.governance;

import org.springframework.modulith.NamedInterface;

/** Whether a governance dialogue is still followed. */
@NamedInterface("statuses")
public enum DialogueStatus {

    ACTIVE, CLOSED

}
