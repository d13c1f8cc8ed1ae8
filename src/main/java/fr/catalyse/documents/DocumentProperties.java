package fr.catalyse.documents;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Documents ({@code catalyse.documents}): the largest file accepted, and which tasks
 * expect a document, keyed by {@code processKey.TaskId} like the reminders' overrides.
 *
 * @param maxSize largest file accepted (20 MB by default); the servlet container accepts
 * a little more, so that a larger file gets this module's French reason rather than a
 * bare refusal
 * @param tasks the tasks where people attach documents, and whether completing them
 * requires one
 */
@ConfigurationProperties("catalyse.documents")
record DocumentProperties(@DefaultValue("20MB") DataSize maxSize, Map<String, Expected> tasks) {

    DocumentProperties {
        tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
    }

    /**
     * @param label what the document is, in French (« le livrable de la session »), for
     * the task's panel and the refusals
     * @param required whether the task may only be completed with at least one document
     * attached
     */
    record Expected(String label, boolean required) {
    }

    Optional<Expected> expected(String processKey, String taskKey) {
        return Optional.ofNullable(tasks.get(processKey + "." + taskKey));
    }
}
