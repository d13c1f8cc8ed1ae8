package fr.catalyse.access;

import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;

import fr.catalyse.platform.Seeder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who sees what, programme-wide. Participants reach tasks only through candidate groups
 * of their territory (the engine grants candidates the task); the programme team works on
 * everything and uses Cockpit, but only reads deployments; the steering committee reads
 * everything; the operator account is a Camunda administrator, the only one who deploys.
 */
@Component
@Order(10)
class AuthorizationPolicy implements Seeder {

    /** Which roles may start which process (process definition key). */
    static final Map<String, List<Role>> STARTERS = Map.of("partnership-lifecycle", List.of(Role.CATALYST),
            "pilot-pathway", List.of(), "governance-dialogue", List.of());

    private static final List<Resource> PROGRAMME_RESOURCES = List.of(Resources.PROCESS_INSTANCE, Resources.TASK,
            Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.BATCH,
            Resources.HISTORIC_TASK, Resources.HISTORIC_PROCESS_INSTANCE, Resources.REPORT, Resources.DASHBOARD,
            Resources.OPERATION_LOG_CATEGORY);

    private final AccessDirectory directory;

    AuthorizationPolicy(AccessDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void seed() {
        directory.ensureGroup(Groups.CAMUNDA_ADMIN, "Administrateurs Catalyse", Groups.GROUP_TYPE_SYSTEM);
        for (Resources resource : Resources.values()) {
            directory.grant(Groups.CAMUNDA_ADMIN, resource, "*", ALL);
        }
        for (Role role : Role.values()) {
            directory.ensureGroup(role.groupId(), role.label(), "role");
            directory.grant(role.groupId(), Resources.APPLICATION, "tasklist", ALL);
            directory.grant(role.groupId(), Resources.PROCESS_DEFINITION, "*", READ);
        }
        String programme = Role.PROGRAMME_TEAM.groupId();
        directory.grant(programme, Resources.APPLICATION, "cockpit", ALL);
        directory.grant(programme, Resources.APPLICATION, "admin", ALL);
        PROGRAMME_RESOURCES.forEach(resource -> directory.grant(programme, resource, "*", ALL));
        // Deploying is running code: a model's expressions call the application's beans
        // and its
        // service tasks its Java classes. The programme team sees deployments in Cockpit;
        // creating,
        // redeploying and deleting them is the operator's (camunda-admin), whatever an
        // older version granted.
        directory.grantOnly(programme, Resources.DEPLOYMENT, "*", READ);
        // Deleting a process definition undeploys it (and, cascading, every instance of
        // it): the same
        // rule as deployments. Everything else on definitions (suspend, instances, tasks,
        // history) is theirs.
        directory.grantOnly(programme, Resources.PROCESS_DEFINITION, "*",
                Arrays.stream(ProcessDefinitionPermissions.values())
                    .filter(permission -> permission != ProcessDefinitionPermissions.NONE
                            && permission != ProcessDefinitionPermissions.ALL
                            && permission != ProcessDefinitionPermissions.DELETE)
                    .toArray(Permission[]::new));
        List.of(Resources.USER, Resources.GROUP, Resources.TENANT)
            .forEach(resource -> directory.grant(programme, resource, "*", READ));

        String committee = Role.STEERING_COMMITTEE.groupId();
        directory.grant(committee, Resources.PROCESS_DEFINITION, "*", READ, READ_HISTORY);
        directory.grant(committee, Resources.PROCESS_INSTANCE, "*", READ);
        directory.grant(committee, Resources.TASK, "*", READ);

        STARTERS.forEach((processKey, roles) -> roles.forEach(role -> {
            directory.grant(role.groupId(), Resources.PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE);
            directory.grant(role.groupId(), Resources.PROCESS_INSTANCE, "*", CREATE);
        }));
    }

}
