package fr.catalyse.versions;

import fr.catalyse.notification.JobsAcrossVersions;
import fr.catalyse.platform.InvalidInputException;
import fr.catalyse.versions.MigrationReport.InstanceReport;
import fr.catalyse.versions.MigrationReport.Instruction;
import fr.catalyse.versions.MigrationReport.Move;
import fr.catalyse.versions.MigrationReport.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running instances of one version of a process to another with the engine's
 * migration API: a plan that maps every activity kept under the same id plus the renamed
 * ones, validated; then, instance by instance, a migration in its own transaction —
 * rolled back in a dry run, committed otherwise. An instance either moves whole (its
 * activities, timers, variables and Catalyse's own reminders and notices, see
 * {@link JobsAcrossVersions}) or not at all; one that cannot is listed with the reasons
 * and the others go on. Callers check who asks (see {@link MigrationApi}): this class
 * runs as the application.
 */
@Service
class InstanceMigrations {

    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final RepositoryService repository;

    private final RuntimeService runtime;

    private final TransactionTemplate transactions;

    private final JobsAcrossVersions ownJobs;

    InstanceMigrations(RepositoryService repository, RuntimeService runtime, TransactionTemplate transactions,
            JobsAcrossVersions ownJobs) {
        this.repository = repository;
        this.runtime = runtime;
        this.transactions = transactions;
        this.ownJobs = ownJobs;
    }

    /** A deployed version of a process, and how many instances still run on it. */
    record Version(int version, String definitionId, String deploymentId, String deployedAt, long runningInstances) {
    }

    List<Version> versions(String processKey) {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .orderByProcessDefinitionVersion()
            .asc()
            .list();
        if (definitions.isEmpty()) {
            throw new InvalidInputException("Processus inconnu : « " + processKey + " ».");
        }
        return definitions.stream().map(definition -> {
            Deployment deployment = repository.createDeploymentQuery()
                .deploymentId(definition.getDeploymentId())
                .singleResult();
            return new Version(definition.getVersion(), definition.getId(), definition.getDeploymentId(),
                    deployment.getDeploymentTime().toInstant().toString(),
                    runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count());
        }).toList();
    }

    MigrationReport migrate(String processKey, MigrationRequest request) {
        ProcessDefinition from = definition(processKey, request.fromVersion(), "fromVersion");
        ProcessDefinition to = definition(processKey, request.toVersion(), "toVersion");
        if (from.getId().equals(to.getId())) {
            throw new InvalidInputException(
                    "« fromVersion » et « toVersion » désignent la même version (" + from.getVersion() + ").");
        }
        Models models = new Models(repository.getBpmnModelInstance(from.getId()),
                repository.getBpmnModelInstance(to.getId()));
        List<String> unknown = models.unknownMappings(request.mappingsOrNone(), from.getVersion(), to.getVersion());
        if (!unknown.isEmpty()) {
            return invalid(from, to, request, unknown);
        }
        MigrationPlan plan;
        try {
            plan = plan(from, to, models, request);
        }
        catch (MigrationPlanValidationException refused) {
            return invalid(from, to, request,
                    MigrationProblems.ofPlan(refused.getValidationReport(), models::describeOld));
        }
        Map<String, String> targets = new HashMap<>();
        for (MigrationInstruction instruction : plan.getInstructions()) {
            targets.put(instruction.getSourceActivityId(), instruction.getTargetActivityId());
        }
        List<InstanceReport> instances = new ArrayList<>();
        for (ProcessInstance instance : instances(from, request.instancesOrAll())) {
            List<Move> moves = moves(instance.getId(), targets, models);
            List<String> problems = attempt(plan, instance.getId(), request.rehearsal(), models, to.getVersion());
            Status status = !problems.isEmpty() ? Status.FAILED
                    : request.rehearsal() ? Status.MIGRATABLE : Status.MIGRATED;
            instances.add(new InstanceReport(instance.getId(), instance.getBusinessKey(), moves, status, problems));
        }
        List<Instruction> instructions = plan.getInstructions()
            .stream()
            .map(instruction -> new Instruction(instruction.getSourceActivityId(), instruction.getTargetActivityId()))
            .toList();
        return new MigrationReport(processKey, from.getVersion(), to.getVersion(), request.rehearsal(), instructions,
                instances, summary(from, to, request.rehearsal(), instances),
                instances.stream().map(this::line).toList(), List.of());
    }

    private ProcessDefinition definition(String processKey, Integer version, String field) {
        if (version == null) {
            throw new InvalidInputException("« " + field + " » est obligatoire : le numéro de version du processus.");
        }
        List<ProcessDefinition> found = repository.createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .processDefinitionVersion(version)
            .list();
        if (found.size() == 1) {
            return found.get(0);
        }
        List<ProcessDefinition> all = repository.createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .orderByProcessDefinitionVersion()
            .asc()
            .list();
        if (all.isEmpty()) {
            throw new InvalidInputException("Processus inconnu : « " + processKey + " ».");
        }
        throw new InvalidInputException(
                "La version " + version + " de « " + processKey + " » n'existe pas (versions déployées : "
                        + all.stream()
                            .map(definition -> String.valueOf(definition.getVersion()))
                            .distinct()
                            .collect(Collectors.joining(", "))
                        + ").");
    }

    private MigrationPlan plan(ProcessDefinition from, ProcessDefinition to, Models models, MigrationRequest request) {
        MigrationPlanBuilder builder = runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities();
        for (Map.Entry<String, String> mapping : request.mappingsOrNone().entrySet()) {
            builder = builder.mapActivities(mapping.getKey(), mapping.getValue());
            if (models.bothMultiInstance(mapping.getKey(), mapping.getValue())) {
                // The engine maps a multi-instance activity with its body: saying it once
                // is enough.
                builder = builder.mapActivities(mapping.getKey() + MULTI_INSTANCE_BODY,
                        mapping.getValue() + MULTI_INSTANCE_BODY);
            }
        }
        if (!request.variablesOrNone().isEmpty()) {
            builder = builder.setVariables(request.variablesOrNone());
        }
        return builder.build();
    }

    private List<ProcessInstance> instances(ProcessDefinition from, List<String> chosen) {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
            .processDefinitionId(from.getId())
            .orderByProcessInstanceId()
            .asc()
            .list();
        if (chosen.isEmpty()) {
            return running;
        }
        Set<String> ids = running.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        List<String> strangers = chosen.stream().filter(id -> !ids.contains(id)).toList();
        if (!strangers.isEmpty()) {
            throw new InvalidInputException("Ces instances ne sont pas en cours dans la version " + from.getVersion()
                    + " : " + String.join(", ", strangers) + ".");
        }
        return running.stream().filter(instance -> chosen.contains(instance.getId())).toList();
    }

    /**
     * Migrates one instance in its own transaction, with Catalyse's own jobs taken off
     * and put back around the engine's migration; a dry run rolls everything back at the
     * end.
     * @return why it cannot move, in French; empty when it moved (or could)
     */
    private List<String> attempt(MigrationPlan plan, String instanceId, boolean rehearsal, Models models,
            int toVersion) {
        try {
            transactions.executeWithoutResult(transaction -> {
                JobsAcrossVersions.Detached detached = ownJobs.detach(instanceId);
                runtime.newMigration(plan).processInstanceIds(instanceId).execute();
                ownJobs.restore(detached);
                if (rehearsal) {
                    transaction.setRollbackOnly();
                }
            });
            return List.of();
        }
        catch (MigratingProcessInstanceValidationException refused) {
            return MigrationProblems.ofInstance(refused.getValidationReport(), models::describeOld, toVersion);
        }
        catch (ProcessEngineException | DataAccessException failed) {
            return List.of("la migration a échoué et a été annulée pour cette instance (" + failed.getMessage() + ").");
        }
    }

    /**
     * Where the instance waits (its innermost activity instances), grouped by activity,
     * and where each goes.
     */
    private List<Move> moves(String instanceId, Map<String, String> targets, Models models) {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        collectLeaves(runtime.getActivityInstance(instanceId), waiting);
        return waiting.entrySet().stream().map(entry -> {
            String target = targets.get(entry.getKey());
            return new Move(entry.getKey(), models.oldName(entry.getKey()), target,
                    target == null ? null : models.newName(target), entry.getValue());
        }).toList();
    }

    private static void collectLeaves(ActivityInstance instance, Map<String, Integer> waiting) {
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            waiting.merge(transition.getActivityId(), 1, Integer::sum);
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
                waiting.merge(child.getActivityId(), 1, Integer::sum);
            }
            else {
                collectLeaves(child, waiting);
            }
        }
    }

    private MigrationReport invalid(ProcessDefinition from, ProcessDefinition to, MigrationRequest request,
            List<String> problems) {
        String summary = "Le plan de migration de la version " + from.getVersion() + " à la version " + to.getVersion()
                + " de « " + label(from) + " » n'est pas valide : " + problems.size() + " problème"
                + (problems.size() > 1 ? "s" : "") + ". Aucune instance n'a été modifiée.";
        return new MigrationReport(from.getKey(), from.getVersion(), to.getVersion(), request.rehearsal(), List.of(),
                List.of(), summary, problems, problems);
    }

    private static String summary(ProcessDefinition from, ProcessDefinition to, boolean rehearsal,
            List<InstanceReport> instances) {
        String versions = "de la version " + from.getVersion() + " à la version " + to.getVersion() + " de « "
                + label(from) + " »";
        if (instances.isEmpty()) {
            return "Aucune instance ne tourne sur la version " + from.getVersion() + " de « " + label(from)
                    + " » : rien à migrer.";
        }
        long failed = instances.stream().filter(instance -> instance.status() == Status.FAILED).count();
        long fine = instances.size() - failed;
        String total = " sur " + instances.size();
        if (rehearsal) {
            return "Essai : " + count(fine) + total + (fine > 1 ? " peuvent" : " peut") + " passer " + versions
                    + (failed == 0 ? "" : " ; " + failed + (failed > 1 ? " ne le peuvent pas" : " ne le peut pas")
                            + " (voir ses problèmes)")
                    + ". Rien n'a été modifié.";
        }
        return count(fine) + total + (fine > 1 ? " sont passées " : " est passée ") + versions
                + (failed == 0 ? "." : " ; " + failed + " en échec, restée" + (failed > 1 ? "s" : "") + " entière"
                        + (failed > 1 ? "s" : "") + " sur la version " + from.getVersion() + ".");
    }

    private String line(InstanceReport instance) {
        String who = "« " + (instance.businessKey() == null ? "sans clé métier" : instance.businessKey()) + " » ("
                + instance.id() + ")";
        String moves = instance.moves().stream().map(InstanceMigrations::describe).collect(Collectors.joining(" ; "));
        return switch (instance.status()) {
            case MIGRATABLE -> who + " : " + moves + ".";
            case MIGRATED -> who + " est passée à la nouvelle version : " + moves + ".";
            case FAILED -> who + " ne peut pas passer : " + String.join(" ", instance.problems());
        };
    }

    private static String describe(Move move) {
        String times = move.count() > 1 ? move.count() + " × " : "";
        String from = quoted(move.fromName(), move.from());
        return times + from + " → "
                + (move.to() == null ? "aucune activité (non mappée)" : quoted(move.toName(), move.to()));
    }

    private static String quoted(String name, String id) {
        return name == null || name.isBlank() ? "(" + id + ")" : "« " + name + " » (" + id + ")";
    }

    private static String count(long instances) {
        return instances + " instance" + (instances > 1 ? "s" : "");
    }

    private static String label(ProcessDefinition definition) {
        return definition.getName() == null ? definition.getKey() : definition.getName();
    }

    /** The two versions' models, to name activities and check mappings. */
    private record Models(BpmnModelInstance from, BpmnModelInstance to) {

        List<String> unknownMappings(Map<String, String> mappings, int fromVersion, int toVersion) {
            Set<String> problems = new LinkedHashSet<>();
            mappings.forEach((source, target) -> {
                if (!(from.getModelElementById(source) instanceof FlowNode)) {
                    problems.add("Mappage « " + source + " » → « " + target + " » : la version " + fromVersion
                            + " n'a pas d'activité « " + source + " ».");
                }
                if (!(to.getModelElementById(target) instanceof FlowNode)) {
                    problems.add("Mappage « " + source + " » → « " + target + " » : la version " + toVersion
                            + " n'a pas d'activité « " + target + " ».");
                }
            });
            return List.copyOf(problems);
        }

        boolean bothMultiInstance(String source, String target) {
            return multiInstance(from.getModelElementById(source)) && multiInstance(to.getModelElementById(target));
        }

        private static boolean multiInstance(ModelElementInstance element) {
            return element instanceof Activity activity
                    && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics;
        }

        String oldName(String activityId) {
            return name(from, activityId);
        }

        String newName(String activityId) {
            return name(to, activityId);
        }

        String describeOld(String activityId) {
            return quoted(oldName(activityId), activityId);
        }

        private static String name(BpmnModelInstance model, String activityId) {
            String id = activityId.endsWith(MULTI_INSTANCE_BODY)
                    ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()) : activityId;
            ModelElementInstance element = model.getModelElementById(id);
            return element == null ? null : element.getAttributeValue("name");
        }
    }

}
