package fr.catalyse.benchmark;

import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The observatory measure's yardstick served the way its pages are: the engine's plain
 * count of open tasks grouped by tenant, one SQL statement, behind the same /api
 * authentication (HTTP Basic, the caller's groups and tenants read for every request) and
 * the same JSON writing. Only the benchmark imports it (a test configuration, left out of
 * the application's component scan).
 */
@TestConfiguration(proxyBeanMethods = false)
class TaskCountsByTenant {

    static final String PATH = "/api/banc/taches-par-territoire";
    static final String SQL = "select tenant_id_, count(*) as tasks from act_ru_task group by tenant_id_";

    /**
     * Registered with its configuration class, as a member of it, when the benchmark
     * imports it.
     */
    @RestController
    static class Endpoint {

        private final JdbcTemplate jdbc;

        Endpoint(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping(PATH)
        List<Map<String, Object>> counts() {
            return jdbc.queryForList(SQL);
        }

    }

}
