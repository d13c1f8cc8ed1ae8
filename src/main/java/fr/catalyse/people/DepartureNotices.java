package fr.catalyse.people;

import fr.catalyse.notification.NoticeJobs;
import fr.catalyse.notification.NoticeSender;
import fr.catalyse.notification.Notices;
import fr.catalyse.notification.People;
import fr.catalyse.notification.ProgrammeAlerts;
import fr.catalyse.notification.Recipient;
import fr.catalyse.platform.CatalyseProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a departure tells others, each from an engine job queued in the departure's
 * transaction (retried with back-off, an incident in Cockpit if the mail server stays
 * down): the new candidates of a task handed back, and the programme team when a binôme
 * lost a catalyst.
 */
@Component
class DepartureNotices {

    static final String TASK_HANDED_BACK = "task-handed-back";
    static final String BINOME_INCOMPLETE = "binome-incomplete";

    private final NoticeJobs jobs;

    DepartureNotices(NoticeJobs jobs) {
        this.jobs = jobs;
    }

    void taskHandedBack(Task task, String departed) {
        jobs.queue(TASK_HANDED_BACK, task.getId() + "|" + departed, "Tâche réattribuée — " + task.getName());
    }

    void binomeIncomplete(ProgrammePlaces.BinomePlace binome, String departed) {
        jobs.queue(BINOME_INCOMPLETE, binome.participationId() + "|" + departed,
                "Binôme incomplet — " + binome.territoryName());
    }

    /**
     * Tells whoever may now take the task (its new assignee, else its candidates) that it
     * is theirs.
     */
    @Component
    static class TaskHandedBack implements NoticeSender {

        private final TaskService tasks;

        private final People people;

        private final Notices notices;

        private final CatalyseProperties application;

        private final PeopleLedger ledger;

        TaskHandedBack(@Lazy TaskService tasks, People people, Notices notices, CatalyseProperties application,
                PeopleLedger ledger) {
            this.tasks = tasks;
            this.people = people;
            this.notices = notices;
            this.application = application;
            this.ledger = ledger;
        }

        @Override
        public String name() {
            return TASK_HANDED_BACK;
        }

        @Override
        public void send(String argument) {
            String taskId = argument.substring(0, argument.indexOf('|'));
            String departed = argument.substring(argument.indexOf('|') + 1);
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return; // completed meanwhile: nobody needs to take it over
            }
            String who = people.user(departed).map(Recipient::name).orElse(departed);
            for (Recipient recipient : newCandidates(task)) {
                notices.send("handed-back:" + taskId + ":" + departed, recipient,
                        "Tâche à reprendre : « " + task.getName() + " »",
                        List.of(who + " ne participe plus au programme. La tâche « " + task.getName()
                                + " », qui lui revenait, vous est "
                                + (recipient.userId().equals(task.getAssignee()) ? "désormais attribuée."
                                        : "proposée : prenez-la en charge dans vos tâches.")),
                        application.link("/camunda/app/tasklist/default/#/?task=" + taskId), "Ouvrir la tâche",
                        new Notices.About(task.getTenantId(), task.getProcessInstanceId()));
            }
        }

        private List<Recipient> newCandidates(Task task) {
            if (task.getAssignee() != null) {
                return people.user(task.getAssignee()).map(List::of).orElse(List.of());
            }
            Map<String, Recipient> recipients = new LinkedHashMap<>();
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (link.getUserId() != null) {
                    people.user(link.getUserId())
                        .ifPresent(recipient -> recipients.putIfAbsent(recipient.userId(), recipient));
                }
                if (link.getGroupId() != null) {
                    people.members(link.getGroupId())
                        .forEach(recipient -> recipients.putIfAbsent(recipient.userId(), recipient));
                }
            }
            recipients.keySet().removeIf(ledger::departed);
            return List.copyOf(recipients.values());
        }

    }

    /**
     * Tells the programme team that a binôme of a cohort under way has one catalyst
     * fewer.
     */
    @Component
    static class BinomeIncomplete implements NoticeSender {

        private final ProgrammeAlerts alerts;

        private final People people;

        private final PeopleLedger ledger;

        BinomeIncomplete(ProgrammeAlerts alerts, People people, PeopleLedger ledger) {
            this.alerts = alerts;
            this.people = people;
            this.ledger = ledger;
        }

        @Override
        public String name() {
            return BINOME_INCOMPLETE;
        }

        @Override
        public void send(String argument) {
            long participation = Long.parseLong(argument.substring(0, argument.indexOf('|')));
            String departed = argument.substring(argument.indexOf('|') + 1);
            Map<String, Object> row = ledger
                .rows("select c.name cohort, c.process_instance_id, t.code, t.name territory from participation p "
                        + "join cohort c on c.id = p.cohort_id join territory t on t.id = p.territory_id where p.id = ?",
                        participation)
                .stream()
                .findFirst()
                .orElse(null);
            if (row == null) {
                return;
            }
            String who = people.user(departed).map(Recipient::name).orElse(departed);
            alerts.alert("binome-incomplete:" + participation + ":" + departed, "Binôme incomplet : " + row
                .get("territory"), who + " a quitté le programme : le binôme du territoire « " + row.get("territory")
                        + " » dans le parcours « " + row.get("cohort")
                        + " » n'a plus qu'un catalyseur. Désignez un successeur depuis la page Personnes de Catalyse.",
                    (String) row.get("code"), (String) row.get("process_instance_id"));
        }

    }

}
