package dev.ingate.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings the schema up to date: the SQL files of db/migration, applied in order, each with its row in
 * {@code ingate_schema_history} (version, checksum). Applied files must not change; a changed one stops the start.
 *
 * <p>A database without history (a first start) gets every file in one transaction: one commit instead of one per
 * file, and the first start's schema appears whole or not at all. A database with history gets only its pending
 * files, each in a transaction of its own as before.
 *
 * <p>Why not Flyway: on a cold JVM it took 0.5–0.9 s of the 1.5 s start budget (its configuration and
 * plugin machinery and the Jackson it brings), to do what these lines do for our own files.
 * The files are plain DDL; statements end with {@code ;} at the end of a line.
 */
final class Migrations {

    /** Every migration, oldest first. A jar's directory cannot be listed portably, so they are named here. */
    static final List<String> FILES = List.of("V1__providers_keys_changes.sql", "V2__requests_and_usage.sql",
            "V3__request_bodies.sql", "V4__partial_session_user_indexes.sql", "V5__routes.sql", "V6__audit_log.sql",
            "V7__webhooks.sql", "V8__key_limits_and_budgets.sql", "V9__cache_columns.sql");

    /** PostgreSQL SQLSTATEs seen when two instances create the same schema or table at once. */
    private static final List<String> RACED_CREATE = List.of("42P06", "42P07", "23505");

    private Migrations() {
    }

    /** Runs the pending migrations of db/migration (into {@code schema} on PostgreSQL when given); returns how many ran. */
    static int migrate(DataSource dataSource, Dialect dialect, Optional<String> schema) {
        return migrate(dataSource, dialect, schema, FILES.stream().map(Migration::load).toList());
    }

    /** Runs those of {@code migrations} (oldest first) the history does not hold yet; returns how many ran. */
    static int migrate(DataSource dataSource, Dialect dialect, Optional<String> schema, List<Migration> migrations) {
        schema.ifPresent(name -> ignoringRaces(dataSource, "CREATE SCHEMA IF NOT EXISTS \"" + name + "\""));
        ignoringRaces(dataSource, "CREATE TABLE IF NOT EXISTS ingate_schema_history ("
                + "version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        Map<Integer, String> applied = applyAllIfNoHistory(dataSource, dialect, migrations);
        if (applied.isEmpty()) {
            return migrations.size();
        }
        int ran = 0;
        for (Migration migration : migrations) {
            if (!applied.containsKey(migration.version()) && apply(dataSource, dialect, migration)) {
                ran++;
            }
        }
        return ran;
    }

    /**
     * With the history locked: if it is empty, applies every migration in this one transaction and returns an empty
     * map; otherwise refuses changed files and returns the history (version to checksum), applying nothing.
     */
    private static Map<Integer, String> applyAllIfNoHistory(DataSource dataSource, Dialect dialect, List<Migration> migrations) {
        Migration current = null;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                lockHistory(s, dialect);
                Map<Integer, String> applied = applied(c);
                if (!applied.isEmpty()) {
                    c.rollback();   // ends the lock: each pending file takes it again in its own transaction
                    refuseChanged(migrations, applied);
                    return applied;
                }
                for (Migration migration : migrations) {
                    current = migration;
                    run(c, s, migration);
                }
                c.commit();
                return Map.of();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException((current == null ? "migrations" : "migration " + current.name()) + " failed: " + e.getMessage(), e);
        }
    }

    /** One file in one transaction; the history is read again under the lock, as another instance may have run it. */
    private static boolean apply(DataSource dataSource, Dialect dialect, Migration migration) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                lockHistory(s, dialect);
                Map<Integer, String> applied = applied(c);
                if (applied.containsKey(migration.version())) {
                    c.rollback();
                    refuseChanged(List.of(migration), applied);
                    return false;
                }
                run(c, s, migration);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("migration " + migration.name() + " failed: " + e.getMessage(), e);
        }
    }

    /** On PostgreSQL two instances take turns; SQLite's IMMEDIATE transactions already hold its one write lock. */
    private static void lockHistory(Statement s, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRES) {
            s.execute("LOCK TABLE ingate_schema_history IN EXCLUSIVE MODE");
        }
    }

    /** The file's statements and its history row, in the caller's transaction. */
    private static void run(Connection c, Statement s, Migration migration) throws SQLException {
        for (String statement : migration.statements()) {
            s.execute(statement);
        }
        try (PreparedStatement record = c.prepareStatement(
                "INSERT INTO ingate_schema_history (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            record.setInt(1, migration.version());
            record.setString(2, migration.name());
            record.setString(3, migration.checksum());
            record.setLong(4, System.currentTimeMillis());
            record.executeUpdate();
        }
    }

    private static void refuseChanged(List<Migration> migrations, Map<Integer, String> applied) {
        for (Migration migration : migrations) {
            String checksum = applied.get(migration.version());
            if (checksum != null && !checksum.equals(migration.checksum())) {
                throw new StoreException("migration " + migration.name() + " was changed after it was applied; restore it and add a new file instead");
            }
        }
    }

    private static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version, checksum FROM ingate_schema_history")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    /** DDL that two instances may run at the same moment: the loser's duplicate error is expected. */
    private static void ignoringRaces(DataSource dataSource, String ddl) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            if (!RACED_CREATE.contains(e.getSQLState())) {
                throw new StoreException("cannot prepare the schema: " + e.getMessage(), e);
            }
        }
    }
}
