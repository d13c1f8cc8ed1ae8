package fr.catalyse.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Application-wide settings.
 *
 * @param publicUrl address users reach Catalyse at, used to build links in emails
 */
@ConfigurationProperties("catalyse")
public record CatalyseProperties(String publicUrl) {

    /** Address of a page of the application, from a path starting with a slash. */
    public String link(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }

    /** Where a participant finds their tasks: the link every email offers. */
    public String tasklistLink() {
        return link(Webapps.TASKLIST);
    }

    /**
     * Where Tasklist opens one task: the link of every email about a task (reminders,
     * digests).
     */
    public String taskLink(String taskId) {
        return tasklistLink() + "#/?task=" + taskId;
    }
}
