package fr.catalyse.notification;

/**
 * People no email may reach any more, whatever was queued for them before (e.g. someone who left the
 * programme): implemented by the module that knows, consulted by {@link Mailer} before every send.
 */
public interface SilencedRecipients {

  boolean silenced(String userId);
}
