package fr.catalyse.platform;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every {@link Seeder} once the processes are deployed and before the node reports
 * ready. A row lock on catalyse_lock serialises nodes starting together: the second one
 * waits, then finds everything in place and writes nothing.
 */
@Component
class StartupSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupSeeding.class);

    private final List<Seeder> seeders;

    private final TransactionTemplate transaction;

    private final JdbcTemplate jdbc;

    StartupSeeding(List<Seeder> seeders, TransactionTemplate transaction, JdbcTemplate jdbc) {
        this.seeders = seeders;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select name from catalyse_lock where name = 'seeding' for update", String.class);
            for (Seeder seeder : seeders) {
                log.debug("Seeding {}", seeder.getClass().getSimpleName());
                seeder.seed();
            }
        });
    }

}
