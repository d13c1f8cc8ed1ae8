package fr.catalyse.notification;

/** What became of an email: sent, failed, or held back by the recipient's preferences. */
public enum NotificationStatus {

    SENT, FAILED, INVALID_ADDRESS,
    /** Kept for the recipient's weekly digest. */
    DEFERRED,
    /** Included in a weekly digest that was sent. */
    DIGESTED,
    /** Not sent: the recipient chose not to receive this kind. */
    SKIPPED,
    /** Not sent: the recipient left the programme (see {@link SilencedRecipients}). */
    WITHHELD

}
