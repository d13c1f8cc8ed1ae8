package fr.catalyse.versions;

import fr.catalyse.access.Caller;
import fr.catalyse.access.Role;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moving running instances to a newer version of their process, for the programme team
 * and the operator (Cockpit's migration screen is an Enterprise feature). The engine's
 * own migration commands stay the operator's on /engine-rest
 * ({@code access.DirectRequests}): here Catalyse checks the caller's role, then runs the
 * migration as the application, always through a plan it validated, instance by instance,
 * with a report in French.
 */
@RestController
class MigrationApi {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationApi.class);

    private final Caller caller;

    private final InstanceMigrations migrations;

    MigrationApi(Caller caller, InstanceMigrations migrations) {
        this.caller = caller;
        this.migrations = migrations;
    }

    /**
     * GET /api/migrations/{processKey}: the deployed versions and how many instances run
     * on each.
     */
    @GetMapping("/api/migrations/{processKey}")
    Versions versions(@PathVariable String processKey) {
        caller.requireRole(Role.PROGRAMME_TEAM);
        List<InstanceMigrations.Version> versions = caller.asSystem(() -> migrations.versions(processKey));
        return new Versions(processKey, versions);
    }

    record Versions(String processKey, List<InstanceMigrations.Version> versions) {
    }

    /**
     * POST /api/migrations/{processKey} {"fromVersion": 1, "toVersion": 2, "mappings":
     * {"old": "new"}, "variables": {…}, "instances": […], "dryRun": true}: a dry run
     * unless {@code "dryRun": false}. 200 with the report (failed instances listed in
     * it), 400 when the request or the plan is invalid.
     */
    @PostMapping("/api/migrations/{processKey}")
    ResponseEntity<MigrationReport> migrate(@PathVariable String processKey, @RequestBody MigrationRequest request) {
        String userId = caller.requireRole(Role.PROGRAMME_TEAM);
        MigrationReport report = caller.asSystem(() -> migrations.migrate(processKey, request));
        // The engine records the migration without a user (it runs as the application):
        // say here who asked.
        if (!report.dryRun()) {
            LOG.info("Migration demandée par {} : {}", userId, report.summary());
        }
        return report.valid() ? ResponseEntity.ok(report) : ResponseEntity.badRequest().body(report);
    }

}
