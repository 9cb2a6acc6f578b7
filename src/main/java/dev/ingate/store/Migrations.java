package dev.ingate.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Brings the schema up to date with Flyway: one set of SQL files in db/migration, shared by both dialects. */
final class Migrations {

    static final String LOCATION = "classpath:db/migration";

    /** PostgreSQL SQLSTATEs seen when two instances create the same schema at once. */
    private static final String DUPLICATE_SCHEMA = "42P06";
    private static final String UNIQUE_VIOLATION = "23505";

    private Migrations() {
    }

    /** Runs pending migrations (into {@code schema} on PostgreSQL when given); returns how many ran. */
    static int migrate(DataSource dataSource, Optional<String> schema) {
        schema.ifPresent(name -> createSchema(dataSource, name));
        FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true);   // a jar packaged without the SQL files must not start on an empty DB
        schema.ifPresent(config::schemas);
        MigrateResult result = config.load().migrate();
        return result.migrationsExecuted;
    }

    /**
     * Created here, before Flyway takes its lock (which lives inside the schema): two instances starting together
     * both try, and the loser's duplicate error is expected and ignored.
     */
    private static void createSchema(DataSource dataSource, String name) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS \"" + name + "\"");   // name is checked to be a plain identifier
        } catch (SQLException e) {
            if (!DUPLICATE_SCHEMA.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new StoreException("cannot create schema " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
