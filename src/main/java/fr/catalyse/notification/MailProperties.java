package fr.catalyse.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from sender of every email, with the programme's name, e.g.
 * {@code Programme Catalyse <catalyse@exemple.fr>}
 */
@ConfigurationProperties("catalyse.mail")
record MailProperties(String from) {
}
