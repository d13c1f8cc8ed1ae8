package fr.catalyse.notification;

import fr.catalyse.platform.CatalyseProperties;
import fr.catalyse.platform.Deadlines;
import fr.catalyse.platform.EngineClock;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The weekly digest: one email per person who chose the digest for at least one kind,
 * with their tasks due this week or already late, and the emails kept for it since the
 * last one. Run by the weekly-digest model: {@code ${weeklyDigests.nextRun()}},
 * {@code ${weeklyDigests.enabled()}}.
 */
@Component
public class WeeklyDigests {

    private final DigestSettings settings;

    private final Preferences preferences;

    private final People people;

    private final Mailer mailer;

    private final MailTemplates templates;

    private final NotificationRecordRepository records;

    private final NotificationLog log;

    private final CatalyseProperties application;

    private final TaskService tasks;

    private final IdentityService identity;

    WeeklyDigests(DigestSettings settings, Preferences preferences, People people, Mailer mailer,
            MailTemplates templates, NotificationRecordRepository records, NotificationLog log,
            CatalyseProperties application, @Lazy TaskService tasks, @Lazy IdentityService identity) {
        this.settings = settings;
        this.preferences = preferences;
        this.people = people;
        this.mailer = mailer;
        this.templates = templates;
        this.records = records;
        this.log = log;
        this.application = application;
        this.tasks = tasks;
        this.identity = identity;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The next configured day and time, Paris time, after the engine's clock. */
    public Date nextRun() {
        ZonedDateTime now = ZonedDateTime.ofInstant(EngineClock.now(), Deadlines.ZONE);
        ZonedDateTime next = now.with(TemporalAdjusters.nextOrSame(settings.day())).with(settings.time());
        if (!next.isAfter(now)) {
            next = next.with(TemporalAdjusters.next(settings.day()));
        }
        return Date.from(next.toInstant());
    }

    /** Sends this week's digests; a digest already sent this week is not sent again. */
    public void sendAll() {
        ZonedDateTime now = ZonedDateTime.ofInstant(EngineClock.now(), Deadlines.ZONE);
        String week = now.get(IsoFields.WEEK_BASED_YEAR) + "-W" + now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        for (String userId : preferences.digestReaders()) {
            people.user(userId).ifPresent(reader -> send(reader, week, now));
        }
    }

    private void send(Recipient reader, String week, ZonedDateTime now) {
        List<Map<String, String>> dueTasks = tasksOf(reader.userId(), Date.from(now.plusDays(7).toInstant()));
        List<NotificationRecord> kept = records.findByRecipientUserAndStatusOrderByCreatedAt(reader.userId(),
                NotificationStatus.DEFERRED);
        if (dueTasks.isEmpty() && kept.isEmpty()) {
            return;
        }
        List<Map<String, String>> keptLines = kept.stream()
            .map(record -> Map.of("subject", record.getSubject(), "link",
                    record.getLink() == null ? application.tasklistLink() : record.getLink()))
            .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("recipient", reader.name());
        model.put("tasks", dueTasks);
        model.put("kept", keptLines);
        model.put("tasklist", application.tasklistLink());
        String subject = "Votre semaine dans Catalyse : " + dueTasks.size() + " tâche"
                + (dueTasks.size() > 1 ? "s" : "") + " à suivre";
        mailer.deliver(Email.always("digest:" + week + ":" + reader.userId(), NotificationKind.DIGEST, reader, subject,
                templates.render("weekly-digest", model), null, null));
        log.digested(kept.stream().map(NotificationRecord::getId).toList());
    }

    /**
     * Open tasks assigned to the person, or offered to their groups and not taken, due
     * before the limit.
     */
    private List<Map<String, String>> tasksOf(String userId, Date limit) {
        Map<String, Task> found = new LinkedHashMap<>();
        tasks.createTaskQuery()
            .taskAssignee(userId)
            .dueBefore(limit)
            .list()
            .forEach(task -> found.put(task.getId(), task));
        List<String> groups = identity.createGroupQuery()
            .groupMember(userId)
            .list()
            .stream()
            .map(Group::getId)
            .toList();
        if (!groups.isEmpty()) {
            tasks.createTaskQuery()
                .taskCandidateGroupIn(groups)
                .taskUnassigned()
                .dueBefore(limit)
                .list()
                .forEach(task -> found.putIfAbsent(task.getId(), task));
        }
        Date now = EngineClock.date();
        List<Map<String, String>> lines = new ArrayList<>();
        found.values()
            .stream()
            .sorted(Comparator.comparing(Task::getDueDate))
            .forEach(task -> lines.add(Map.of("name", task.getName(), "due", FrenchDates.day(task.getDueDate()), "late",
                    String.valueOf(task.getDueDate().before(now)), "link", application.taskLink(task.getId()))));
        return lines;
    }

}
