package fr.catalyse.notification;

/** A person an email is for: their account (if any), address and name for the greeting. */
public record Recipient(String userId, String email, String name) {
}
