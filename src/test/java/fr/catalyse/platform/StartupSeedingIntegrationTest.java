package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** Seeding runs on every start of every node: running it again, even twice at once, writes nothing new. */
class StartupSeedingIntegrationTest extends IntegrationTestSupport {

  @Autowired
  StartupSeeding seeding;

  @Autowired
  IdentityService identity;

  @Autowired
  AuthorizationService authorizations;

  @Test
  void twoNodesSeedingAtOnceLeaveOneCopyOfEverything() throws Exception {
    registerTestDirectory();
    List<Long> before = counts();

    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<Void>> nodes = List.of(node(together), node(together));
    CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).join();

    assertThat(counts()).isEqualTo(before);
  }

  private CompletableFuture<Void> node(CyclicBarrier together) {
    return CompletableFuture.runAsync(() -> {
      try {
        together.await();
      } catch (Exception interrupted) {
        throw new IllegalStateException(interrupted);
      }
      seeding.run(new DefaultApplicationArguments());
    });
  }

  private List<Long> counts() {
    return List.of(identity.createUserQuery().count(), identity.createGroupQuery().count(),
        identity.createTenantQuery().count(), authorizations.createAuthorizationQuery().count());
  }
}
