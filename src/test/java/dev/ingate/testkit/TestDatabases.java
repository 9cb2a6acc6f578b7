package dev.ingate.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Fresh places for a test's database: a SQLite file in a temporary directory, or a schema of its own in
 * the machine's PostgreSQL (trust auth; INGATE_TEST_POSTGRES_URL names another server). Closing a place
 * deletes the file or drops the schema.
 */
public final class TestDatabases {

    /** Where a test's database lives; closing it removes it. */
    public record Place(String url, Runnable remove) implements AutoCloseable {
        @Override
        public void close() {
            remove.run();
        }
    }

    private TestDatabases() {
    }

    /** @param relativePath the database file under a new temporary directory (its parents need not exist) */
    public static Place sqlite(String prefix, String relativePath) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            return new Place("jdbc:sqlite:" + dir.resolve(relativePath), () -> deleteTree(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema named {@code prefix} + random hex; the URL selects it with {@code currentSchema}. */
    public static Place postgres(String prefix) {
        String schema = prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        String server = postgresServer();
        String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Place(url, () -> dropSchema(server, schema));
    }

    public static String postgresServer() {
        String url = System.getenv("INGATE_TEST_POSTGRES_URL");
        return url != null && !url.isBlank() ? url : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    }

    private static void dropSchema(String server, String schema) {
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
