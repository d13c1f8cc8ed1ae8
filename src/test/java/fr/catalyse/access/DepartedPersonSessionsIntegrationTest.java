package fr.catalyse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.catalyse.Browser;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.territory.DirectoryCsv;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A person who leaves while signed in to Tasklist (people's deactivation, a
 * {@link SignInRefusal}): their webapps session ends at their next request, and
 * Tasklist's login refuses them. Here rather than beside the people tests: the webapps of
 * the shared context are not usable after a test class that closed a context of its own
 * (the upgrade test), and this class runs before it.
 */
class DepartedPersonSessionsIntegrationTest extends IntegrationTestSupport {

    @Test
    void aPersonWhoLeavesWhileSignedInToTasklistLosesTheSessionAndCannotSignInAgain() throws Exception {
        registerTestDirectory();
        String userId = "sess.gamma";
        DirectoryCsv.Result read = DirectoryCsv.read(new StringReader(
                "territoire;nom_territoire;organisation;nom_organisation;type_organisation;identifiant;prenom;nom;email;role\n"
                        + "gamma-s;Territoire Gamma;asso-gamma-s;Association Gamma;association;" + userId
                        + ";Sidonie;Session;sidonie@gamma.test;association\n"));
        directory.register(read.entries(), person -> PASSWORD);
        Browser tasklist = Browser.on(port).signInToWebapp("tasklist", userId, PASSWORD);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(200);

        assertThat(rest().as("prog.test").post("/api/personnes/" + userId + "/desactivation", Map.of()).status())
            .isEqualTo(200);

        assertThat(tasklist.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
        assertThat(tasklist.get("/camunda/api/admin/auth/user/default").statusCode()).as("the session is gone")
            .isNotEqualTo(200);
        assertThatThrownBy(() -> Browser.on(port).signInToWebapp("tasklist", userId, PASSWORD))
            .isInstanceOf(AssertionError.class);

        assertThat(rest().as("prog.test").post("/api/personnes/" + userId + "/reactivation", Map.of()).status())
            .isEqualTo(200);
        Browser back = Browser.on(port).signInToWebapp("tasklist", userId, PASSWORD);
        assertThat(back.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(200);
    }

}
