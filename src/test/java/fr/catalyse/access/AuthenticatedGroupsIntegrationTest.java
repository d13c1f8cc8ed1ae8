package fr.catalyse.access;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person's groups reach the authorization checks as they are, and a group without
 * rights grants nothing.
 */
class AuthenticatedGroupsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void theChecksReceiveEveryGroupWithoutScanningTheAuthorizations() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<String> groups = configuration.getCommandExecutorTxRequired()
            .execute(context -> context.getAuthorizationManager()
                .filterAuthenticatedGroupIds(List.of("catalyseurs.alpha", "groupe.sans.droit")));

        assertThat(groups).containsExactly("catalyseurs.alpha", "groupe.sans.droit");
    }

    @Test
    void aGroupWithoutAuthorizationShowsNoTask() {
        registerTestDirectory();
        var tasks = engine.getTaskService();
        String alpha = candidateTask(Role.CATALYST.groupIn("alpha"), "alpha");
        String beta = candidateTask(Role.CATALYST.groupIn("beta"), "beta");
        try {
            engine.getIdentityService()
                .setAuthentication("cat.alpha", List.of(Role.CATALYST.groupIn("alpha"), "groupe.sans.droit"),
                        List.of("alpha", "beta"));
            assertThat(tasks.createTaskQuery().taskNameLike("Essai des groupes%").list()).extracting(Task::getId)
                .containsExactly(alpha);
        }
        finally {
            engine.getIdentityService().clearAuthentication();
            tasks.deleteTask(alpha, true);
            tasks.deleteTask(beta, true);
        }
    }

    private String candidateTask(String group, String tenant) {
        var tasks = engine.getTaskService();
        Task task = tasks.newTask();
        task.setName("Essai des groupes " + tenant);
        task.setTenantId(tenant);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), group);
        return task.getId();
    }

}
