package fr.catalyse.governance;

/** The reviews of a governance dialogue. */
enum ReviewKind {

    INITIAL, QUARTERLY, YEARLY, FINAL

}
