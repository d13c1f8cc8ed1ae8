package fr.catalyse.platform;

import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway owns the whole schema, the engine's included, and runs before the engine starts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseMigrations {

    @Bean
    FlywayConfigurationCustomizer camundaSchema() {
        return configuration -> configuration.javaMigrations(new CamundaSchemaMigration());
    }

}
