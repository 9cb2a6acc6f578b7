package dev.ingate.store;

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

/** The two databases every store test runs against, each handing out a fresh place that is removed afterwards. */
enum Backend {

    SQLITE {
        @Override
        Place newPlace() {
            try {
                Path dir = Files.createTempDirectory("ingate-store-test");
                // a subdirectory that does not exist yet: Database.open must create it
                return new Place("jdbc:sqlite:" + dir.resolve("data/ingate.db"), () -> deleteTree(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },

    POSTGRES {
        @Override
        Place newPlace() {
            String schema = "ingate_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            String server = postgresServer();
            String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Place(url, () -> dropSchema(server, schema));
        }
    };

    /** Where a test's database lives; {@code remove} deletes the file or drops the schema. */
    record Place(String url, Runnable remove) implements AutoCloseable {
        @Override
        public void close() {
            remove.run();
        }
    }

    abstract Place newPlace();

    /** The machine's PostgreSQL (trust auth); another server can be named with INGATE_TEST_POSTGRES_URL. */
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

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
