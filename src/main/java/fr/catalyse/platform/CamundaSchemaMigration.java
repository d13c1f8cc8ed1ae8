package fr.catalyse.platform;

import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Version 1 of the database: the Camunda engine's own create scripts, shipped in the
 * engine jar. Running them through Flyway (which locks the schema history on PostgreSQL)
 * lets several nodes start on an empty database at once; the engine itself only checks
 * the schema.
 */
class CamundaSchemaMigration implements JavaMigration {

    private static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1");
    }

    @Override
    public String getDescription() {
        return "Camunda 7.24 engine schema";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String database = databaseType(connection.getMetaData().getDatabaseProductName());
        for (String component : COMPONENTS) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource(
                    "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + component + ".sql"));
        }
    }

    static String databaseType(String productName) {
        return switch (productName) {
            case "PostgreSQL" -> "postgres";
            case "H2" -> "h2";
            default -> throw new IllegalStateException("Base de données non prise en charge : " + productName
                    + " (PostgreSQL en production, H2 pour la démonstration)");
        };
    }

}
