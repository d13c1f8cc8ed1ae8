package fr.catalyse.notification;

import org.springframework.modulith.NamedInterface;

/**
 * A person an email is for: their account (if any), address and name for the greeting.
 */
@NamedInterface("emails")
public record Recipient(String userId, String email, String name) {
}
