package fr.catalyse.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled seed the demo participants and programme data
 * @param password password of every demo account (demo only)
 * @param mailbox the in-process SMTP server catching demo emails
 */
@ConfigurationProperties("catalyse.demo")
record DemoProperties(boolean enabled, String password, Mailbox mailbox) {

    /**
     * @param enabled start the in-process SMTP server and the /boite-de-reception page
     * @param smtpPort port it listens on (spring.mail.port points to it)
     */
    record Mailbox(boolean enabled, int smtpPort) {
    }
}
