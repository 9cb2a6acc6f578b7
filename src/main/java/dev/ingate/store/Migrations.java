package dev.ingate.store;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings the schema up to date: the SQL files of db/migration, applied in order, each in one
 * transaction with its row in {@code ingate_schema_history} (version, checksum). Applied files must not
 * change; a changed one stops the start.
 *
 * <p>Why not Flyway: on a cold JVM it took 0.5–0.9 s of the 1.5 s start budget (its configuration and
 * plugin machinery and the Jackson it brings), to do what these eighty lines do for our own files.
 * The files are plain DDL; statements end with {@code ;} at the end of a line.
 */
final class Migrations {

    /** Every migration, oldest first. A jar's directory cannot be listed portably, so they are named here. */
    static final List<String> FILES = List.of("V1__providers_keys_changes.sql", "V2__requests_and_usage.sql",
            "V3__request_bodies.sql", "V4__partial_session_user_indexes.sql", "V5__routes.sql", "V6__audit_log.sql",
            "V7__webhooks.sql", "V8__key_limits_and_budgets.sql", "V9__cache_columns.sql");
    static final String LOCATION = "db/migration/";

    /** PostgreSQL SQLSTATEs seen when two instances create the same schema or table at once. */
    private static final List<String> RACED_CREATE = List.of("42P06", "42P07", "23505");

    private Migrations() {
    }

    /** Runs the pending migrations (into {@code schema} on PostgreSQL when given); returns how many ran. */
    static int migrate(DataSource dataSource, Dialect dialect, Optional<String> schema) {
        schema.ifPresent(name -> ignoringRaces(dataSource, "CREATE SCHEMA IF NOT EXISTS \"" + name + "\""));
        ignoringRaces(dataSource, "CREATE TABLE IF NOT EXISTS ingate_schema_history ("
                + "version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        int ran = 0;
        for (String file : FILES) {
            if (apply(dataSource, dialect, version(file), file)) {
                ran++;
            }
        }
        return ran;
    }

    /**
     * The number in the file's name ({@code V8__…} is 8): numbers are reserved per feature as work goes on in
     * parallel, so the list may have gaps while some are still to come.
     */
    static int version(String name) {
        int end = name.indexOf("__");
        if (!name.startsWith("V") || end < 2) {
            throw new StoreException("migration " + name + " is not named V<number>__<what>.sql");
        }
        return Integer.parseInt(name.substring(1, end));
    }

    /** One file in one transaction; on PostgreSQL the history table is locked so two instances take turns. */
    private static boolean apply(DataSource dataSource, Dialect dialect, int version, String name) {
        String sql = read(name);
        String checksum = dev.ingate.keys.KeyHash.sha256Hex(sql);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (dialect == Dialect.POSTGRES) {
                    s.execute("LOCK TABLE ingate_schema_history IN EXCLUSIVE MODE");
                }
                Map<Integer, String> applied = applied(c);
                if (applied.containsKey(version)) {
                    c.rollback();
                    if (!applied.get(version).equals(checksum)) {
                        throw new StoreException("migration " + name + " was changed after it was applied; restore it and add a new file instead");
                    }
                    return false;
                }
                for (String statement : statements(sql)) {
                    s.execute(statement);
                }
                try (PreparedStatement record = c.prepareStatement(
                        "INSERT INTO ingate_schema_history (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                    record.setInt(1, version);
                    record.setString(2, name);
                    record.setString(3, checksum);
                    record.setLong(4, System.currentTimeMillis());
                    record.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("migration " + name + " failed: " + e.getMessage(), e);
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

    /** Splits a file at {@code ;} line ends, leaving out comment lines. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new StoreException("migration SQL must end each statement with ';' at a line end: " + current.toString().strip());
        }
        return statements;
    }

    static String read(String name) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                throw new StoreException("migration " + LOCATION + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
