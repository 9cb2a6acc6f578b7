package dev.ingate.observe.record;

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
 * The two databases the record tests run against (as the store tests' Backend, which is package-private there):
 * a fresh SQLite file or PostgreSQL schema per test class, removed afterwards. Each also knows how to stall the
 * writer for real: another connection holding the write lock on {@code requests}.
 */
enum RecordBackend {

    SQLITE {
        @Override
        Place newPlace() {
            try {
                Path dir = Files.createTempDirectory("ingate-record-test");
                return new Place("jdbc:sqlite:" + dir.resolve("ingate.db"), () -> deleteTree(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        Connection stall(String url) throws SQLException {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");   // the write lock: the writer's BEGIN waits (busy timeout) until rollback
            }
            return c;
        }
    },

    POSTGRES {
        @Override
        Place newPlace() {
            String schema = "ingate_rec_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            String server = postgresServer();
            String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Place(url, () -> dropSchema(server, schema));
        }

        @Override
        Connection stall(String url) throws SQLException {
            Connection c = DriverManager.getConnection(url);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE requests IN EXCLUSIVE MODE");   // reads go on, the writer's INSERT waits
            }
            return c;
        }
    };

    record Place(String url, Runnable remove) implements AutoCloseable {
        @Override
        public void close() {
            remove.run();
        }
    }

    abstract Place newPlace();

    /** A connection holding the write lock on {@code requests} until it is rolled back and closed. */
    abstract Connection stall(String url) throws SQLException;

    static void release(Connection stall) throws SQLException {
        try (stall; Statement s = stall.createStatement()) {
            if (stall.getAutoCommit()) {
                s.execute("ROLLBACK");   // SQLite: the BEGIN was a statement, the driver does not know of it
            } else {
                stall.rollback();
            }
        }
    }

    static String postgresServer() {
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

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
