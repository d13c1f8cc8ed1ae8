package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class PostgresCustomPlansIntegrationTest extends IntegrationTestSupport {

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void everyPooledConnectionPlansStatementsWithTheirActualValues() {
    for (int i = 0; i < 3; i++) {
      assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    }
  }
}
