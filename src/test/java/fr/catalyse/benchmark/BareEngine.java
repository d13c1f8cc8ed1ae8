package fr.catalyse.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * The bare Camunda engine the benchmark compares Catalyse with: same version, same
 * PostgreSQL server (its own database), same history level, none of Catalyse's plugins,
 * listeners or delegates.
 */
final class BareEngine {

    private BareEngine() {
    }

    /**
     * Same history level as Catalyse's, e.g. {@code -Dcamunda.bpm.history-level=audit} to
     * compare both at audit.
     */
    static ProcessEngine start(EmbeddedPostgres postgres, String history) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("drop database if exists bare");
            connection.createStatement().execute("create database bare");
        }
        return start(postgres, "bare", ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE, history);
    }

    /**
     * The bare engine reading an existing database, e.g. Catalyse's, to query the same
     * data.
     */
    static ProcessEngine on(EmbeddedPostgres postgres, String database, String history) {
        return start(postgres, database, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE, history);
    }

    private static ProcessEngine start(EmbeddedPostgres postgres, String database, String schemaUpdate,
            String history) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare-" + database);
        configuration.setJdbcUrl(postgres.getJdbcUrl("postgres", database));
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("postgres");
        configuration.setJdbcMaxActiveConnections(20);
        configuration.setDatabaseSchemaUpdate(schemaUpdate);
        configuration.setHistory(history);
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(false);
        configuration.setHistoryTimeToLive("P2190D");
        return configuration.buildProcessEngine();
    }

}
