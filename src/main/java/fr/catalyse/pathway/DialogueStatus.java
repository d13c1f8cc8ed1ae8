package fr.catalyse.pathway;

/** Whether a governance dialogue is still followed. */
public enum DialogueStatus {
  ACTIVE,
  CLOSED
}
