package fr.catalyse.notification;

/**
 * The mail server did not take an email; the job that sent it fails and is retried later.
 */
class MailDeliveryException extends RuntimeException {

    MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

}
