package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.access.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/**
 * Seeding runs on every start of every node: what is missing is written, once, even when
 * two nodes seed at once, with its expected content; what is there is left alone.
 */
class StartupSeedingIntegrationTest extends IntegrationTestSupport {

    private static final String ADMIN = "admin";

    private static final String ADMIN_PASSWORD = "Operateur-Test-2026";

    @Autowired
    StartupSeeding seeding;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    FilterService filters;

    @Test
    void twoNodesSeedingAtOnceWriteWhatIsMissingOnceAndLeaveOneCopyOfEverything() throws Exception {
        registerTestDirectory();
        List<Long> seeded = counts();
        // What a first start finds missing: the operator's account, the Tasklist filters,
        // and a role's
        // right to open Tasklist.
        identity.deleteUser(ADMIN);
        filters.createFilterQuery().list().forEach(filter -> filters.deleteFilter(filter.getId()));
        authorizations.deleteAuthorization(tasklistRight(Role.CATALYST).getId());
        assertThat(counts()).isNotEqualTo(seeded);

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Void>> nodes = List.of(node(together), node(together));
        CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).join();

        assertThat(counts()).isEqualTo(seeded);
        theOperatorCanSignInAsAnAdministratorOfTheProgramme();
        everyRoleFindsItsTasklistFilters();
        assertThat(tasklistRight(Role.CATALYST).isPermissionGranted(Permissions.ALL)).isTrue();
    }

    private void theOperatorCanSignInAsAnAdministratorOfTheProgramme() {
        User admin = identity.createUserQuery().userId(ADMIN).singleResult();
        assertThat(admin).isNotNull();
        assertThat(admin.getLastName()).isEqualTo("Catalyse");
        assertThat(admin.getEmail()).isEqualTo("admin@catalyse.invalid");
        assertThat(identity.checkPassword(ADMIN, ADMIN_PASSWORD)).isTrue();
        assertThat(identity.createGroupQuery().groupMember(ADMIN).list()).extracting(group -> group.getId())
            .containsExactlyInAnyOrder(Groups.CAMUNDA_ADMIN, Role.PROGRAMME_TEAM.groupId());
    }

    private void everyRoleFindsItsTasklistFilters() {
        List<Filter> seeded = filters.createFilterQuery()
            .list()
            .stream()
            .sorted(Comparator.comparing(filter -> ((Number) filter.getProperties().get("priority")).intValue()))
            .toList();
        assertThat(seeded).extracting(Filter::getName)
            .containsExactly("À faire", "Mes tâches", "Tâches de mon territoire et de mes groupes", "En retard",
                    "À échéance cette semaine", "Toutes les tâches du programme", "Retards par territoire");
        Filter toDo = seeded.get(0);
        assertThat(toDo.getProperties()).containsEntry("priority", -11).containsEntry("color", "#0b3d91");
        List<Object> columns = List.copyOf((List<?>) toDo.getProperties().get("variables"));
        assertThat(columns).extracting(column -> (Object) ((Map<?, ?>) column).get("name"))
            .containsExactly(ProcessVariables.TERRITORY_NAME, ProcessVariables.PARTNERSHIP_NAME,
                    ProcessVariables.SESSION_TITLE);
        for (Role role : Role.values()) {
            assertThat(readers(toDo, role)).as("« À faire » for " + role).isEqualTo(1);
        }
        Filter everything = seeded.get(5);
        assertThat(readers(everything, Role.PROGRAMME_TEAM)).isEqualTo(1);
        assertThat(readers(everything, Role.CATALYST)).isZero();
    }

    private long readers(Filter filter, Role role) {
        return authorizations.createAuthorizationQuery()
            .groupIdIn(role.groupId())
            .resourceType(Resources.FILTER)
            .resourceId(filter.getId())
            .hasPermission(Permissions.READ)
            .count();
    }

    private Authorization tasklistRight(Role role) {
        return authorizations.createAuthorizationQuery()
            .groupIdIn(role.groupId())
            .resourceType(Resources.APPLICATION)
            .resourceId("tasklist")
            .singleResult();
    }

    private CompletableFuture<Void> node(CyclicBarrier together) {
        return CompletableFuture.runAsync(() -> {
            try {
                together.await();
            }
            catch (Exception interrupted) {
                throw new IllegalStateException(interrupted);
            }
            seeding.run(new DefaultApplicationArguments());
        });
    }

    private List<Long> counts() {
        return List.of(identity.createUserQuery().count(), identity.createGroupQuery().count(),
                identity.createTenantQuery().count(), authorizations.createAuthorizationQuery().count(),
                filters.createFilterQuery().count());
    }

}
