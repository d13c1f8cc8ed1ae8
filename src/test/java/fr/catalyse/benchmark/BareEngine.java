package fr.catalyse.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * The bare Camunda engine the benchmark compares Catalyse with: same version, same PostgreSQL server
 * (its own database), same history level, none of Catalyse's plugins, listeners or delegates.
 */
final class BareEngine {

  private BareEngine() {
  }

  static ProcessEngine start(EmbeddedPostgres postgres) throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      connection.createStatement().execute("drop database if exists bare");
      connection.createStatement().execute("create database bare");
    }
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare");
    configuration.setJdbcUrl(postgres.getJdbcUrl("postgres", "bare"));
    configuration.setJdbcUsername("postgres");
    configuration.setJdbcPassword("postgres");
    configuration.setJdbcMaxActiveConnections(20);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setAuthorizationEnabled(true);
    configuration.setJobExecutorActivate(false);
    configuration.setHistoryTimeToLive("P2190D");
    return configuration.buildProcessEngine();
  }
}
