package fr.catalyse.governance;

/** Whether a governance dialogue is still followed. */
public enum DialogueStatus {
  ACTIVE,
  CLOSED
}
