package fr.catalyse.governance;

/** The reviews of a governance dialogue. */
public enum ReviewKind {
  INITIAL,
  QUARTERLY,
  YEARLY,
  FINAL
}
