package fr.catalyse.notification;

import org.springframework.modulith.NamedInterface;

/**
 * People no email may reach any more, whatever was queued for them before (e.g. someone
 * who left the programme): implemented by the module that knows, consulted by
 * {@link Mailer} before every send.
 */
@NamedInterface("emails")
public interface SilencedRecipients {

    boolean silenced(String userId);

}
