package fr.catalyse.access;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Tells what a person asked the engine for — over /engine-rest, through the webapps' API
 * that Tasklist uses, or in code acting as them — from what the engine does on its own:
 * timers and jobs (nobody is authenticated), and API calls made by delegates and
 * listeners (a command nested in the one the person asked for, e.g. a spreading that
 * starts a partnership elsewhere).
 *
 * <p>
 * It also keeps to the operator (a Camunda administrator) the commands that start an
 * instance elsewhere than at its start event, or rewrite, restart, migrate or wake up a
 * running one: they skip the start form, the registration of the business record and the
 * territory check. Participants, the programme team and the committee start processes
 * through their start event and its form, and move instances on by completing their
 * tasks; no model of ours waits for a message, a signal or a condition, so nobody but the
 * operator has a reason to send one. The engine's own attachments are the operator's too:
 * they skip the checks of Catalyse's documents (type from the content, size, territory).
 *
 * <p>
 * Every engine internal this needs (the command classes and the command interceptor) is
 * in this class, so a move to a fork of the engine touches it alone.
 */
@NamedInterface("callers")
@Component
public class DirectRequests extends AbstractProcessEnginePlugin {

    private static final String START = "lancer un processus à partir d'une activité choisie "
            + "(instructions de départ, écouteurs ou mappages sautés)";

    private static final String MODIFY = "modifier une instance en cours (activités démarrées ou annulées à la main)";

    private static final String RESTART = "redémarrer une instance terminée";

    private static final String MIGRATE = "migrer des instances vers une autre version du processus";

    private static final String CORRELATE = "envoyer un message aux instances";

    private static final String SIGNAL = "envoyer un signal aux instances";

    private static final String CONDITION = "démarrer des instances par une condition";

    private static final String ATTACH = "joindre un fichier par l'API du moteur, qui ne vérifie ni son type ni sa taille "
            + "(les documents se déposent dans l'onglet « Documents » de la tâche)";

    /**
     * The commands reserved to the operator, with what they do, in the words of the
     * refusal.
     */
    private static final Map<Class<?>, String> OPERATOR_ONLY = operatorOnly();

    /** Commands that start one instance at its start event, as a person asks for it. */
    private static final List<Class<?>> STARTS = List.of(StartProcessInstanceCmd.class, SubmitStartFormCmd.class);

    /**
     * The commands running on this thread, outermost last: the outermost is the one that
     * was asked for.
     */
    private final ThreadLocal<Deque<Command<?>>> running = ThreadLocal.withInitial(ArrayDeque::new);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        // Before the engine's own interceptors: the command context does not exist yet,
        // and a refusal
        // leaves no transaction behind. Both executors, so that no command escapes the
        // count.
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withWatch(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withWatch(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private List<CommandInterceptor> withWatch(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = new ArrayList<>();
        all.add(new Watch());
        if (interceptors != null) {
            all.addAll(interceptors);
        }
        return all;
    }

    /**
     * The person whose own request to start a process is running right now (over REST,
     * from Tasklist's start form, or in code acting as them), whatever their role; empty
     * when the engine starts an instance on its own (a timer, a job, a delegate such as a
     * spreading).
     */
    public Optional<String> starter() {
        return personStarting().map(Authentication::getUserId);
    }

    Optional<Authentication> personStarting() {
        Deque<Command<?>> commands = running.get();
        Authentication person = configuration.getIdentityService().getCurrentAuthentication();
        if (person == null || commands.size() != 1
                || STARTS.stream().noneMatch(start -> start.isInstance(commands.peek()))) {
            return Optional.empty();
        }
        return Optional.of(person);
    }

    /**
     * Camunda administrators, by the engine's own definition (admin groups and admin
     * users).
     */
    boolean isOperator(Authentication person) {
        return orEmpty(configuration.getAdminUsers()).contains(person.getUserId()) || (person.getGroupIds() != null
                && person.getGroupIds().stream().anyMatch(orEmpty(configuration.getAdminGroups())::contains));
    }

    /**
     * Name of the variable the engine fills with the starter ({@code camunda:initiator}),
     * if the model has one.
     */
    static Optional<String> initiatorVariable(ProcessDefinition definition) {
        return definition instanceof CoreModelElement model
                && model.getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME) instanceof String name
                        ? Optional.of(name) : Optional.empty();
    }

    private void refuseIfOperatorOnly(Command<?> command) {
        Authentication person = configuration.getIdentityService().getCurrentAuthentication();
        if (person == null || isOperator(person)) {
            return;
        }
        OPERATOR_ONLY.entrySet()
            .stream()
            .filter(reserved -> reserved.getKey().isInstance(command))
            .findFirst()
            .ifPresent(reserved -> {
                throw new AuthorizationException("Opération réservée à l'opérateur de Catalyse : " + reserved.getValue()
                        + ". Un processus se lance depuis son formulaire de départ, et une instance avance quand ses tâches sont "
                        + "terminées.");
            });
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? Collections.emptyList() : list;
    }

    private static Map<Class<?>, String> operatorOnly() {
        Map<Class<?>, String> reserved = new LinkedHashMap<>();
        reserved.put(StartProcessInstanceAtActivitiesCmd.class, START);
        reserved.put(ModifyProcessInstanceCmd.class, MODIFY);
        reserved.put(ModifyProcessInstanceAsyncCmd.class, MODIFY);
        reserved.put(ProcessInstanceModificationCmd.class, MODIFY);
        reserved.put(ProcessInstanceModificationBatchCmd.class, MODIFY);
        reserved.put(RestartProcessInstancesCmd.class, RESTART);
        reserved.put(RestartProcessInstancesBatchCmd.class, RESTART);
        reserved.put(MigrateProcessInstanceCmd.class, MIGRATE);
        reserved.put(MigrateProcessInstanceBatchCmd.class, MIGRATE);
        reserved.put(CorrelateMessageCmd.class, CORRELATE);
        reserved.put(CorrelateAllMessageCmd.class, CORRELATE);
        reserved.put(CorrelateAllMessageBatchCmd.class, CORRELATE);
        reserved.put(MessageEventReceivedCmd.class, CORRELATE);
        reserved.put(SignalEventReceivedCmd.class, SIGNAL);
        reserved.put(SignalCmd.class, SIGNAL);
        reserved.put(EvaluateStartConditionCmd.class, CONDITION);
        // The engine's attachments are stored unchecked and never shown by Catalyse: a
        // participant's files
        // go through the documents module (type from the content, size, territory).
        reserved.put(CreateAttachmentCmd.class, ATTACH);
        return Collections.unmodifiableMap(reserved);
    }

    /**
     * Counts the commands of this thread and checks the outermost one, the one somebody
     * asked for.
     */
    private class Watch extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            Deque<Command<?>> commands = running.get();
            if (commands.isEmpty()) {
                refuseIfOperatorOnly(command);
            }
            commands.push(command);
            try {
                return next.execute(command);
            }
            finally {
                commands.pop();
                if (commands.isEmpty()) {
                    running.remove();
                }
            }
        }

    }

}
