package dev.ingate.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Builds the connection pool for each dialect: the settings that suit SQLite and PostgreSQL differ. */
final class ConnectionPools {

    static final String SQLITE_PREFIX = "jdbc:sqlite:";
    static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    /** Long enough for a writer to wait out another's short transaction, short enough to surface a stuck lock. */
    private static final int SQLITE_BUSY_TIMEOUT_MS = 5_000;
    /** SQLite has one writer anyway; a few connections let readers (WAL) overlap with it. */
    private static final int SQLITE_POOL_SIZE = 4;
    private static final int POSTGRES_POOL_SIZE = 8;
    /** A gateway should report a missing database within seconds (health checks), not Hikari's default 30 s. */
    private static final long CONNECTION_TIMEOUT_MS = 5_000;
    private static final long VALIDATION_TIMEOUT_MS = 2_000;

    /** An unquoted PostgreSQL identifier: the schema name is put into DDL, so nothing else is let through. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private ConnectionPools() {
    }

    static HikariDataSource sqlite(String jdbcUrl) {
        String target = jdbcUrl.substring(SQLITE_PREFIX.length());
        boolean inMemory = isInMemory(target);
        if (!inMemory) {
            Path dir = createParentDirectories(target);
            if (dir != null) {
                SqliteNativeLibrary.preferCopyIn(dir.resolve("native"));
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);          // readers never block the writer
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);   // safe with WAL, far fewer fsyncs than FULL
        config.enforceForeignKeys(true);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        // Explicit transactions take the write lock at BEGIN: a deferred one that reads and then writes can fail
        // with SQLITE_BUSY at once (no busy wait) when another connection wrote in between.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);   // applies the pragmas to every new connection
        sqlite.setUrl(jdbcUrl);

        HikariConfig pool = common();
        pool.setDataSource(sqlite);
        if (inMemory) {
            // each connection to :memory: is its own database: keep exactly one, forever
            pool.setMaximumPoolSize(1);
            pool.setMinimumIdle(1);
            pool.setMaxLifetime(0);
            pool.setIdleTimeout(0);
        } else {
            pool.setMaximumPoolSize(SQLITE_POOL_SIZE);
            pool.setMinimumIdle(1);
        }
        return new HikariDataSource(pool);
    }

    static HikariDataSource postgres(String jdbcUrl) {
        HikariConfig pool = common();
        pool.setJdbcUrl(jdbcUrl);   // pgjdbc reads user, password and currentSchema (search_path) from it
        pool.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        pool.setMinimumIdle(2);     // several instances may share one server: do not hold 8 idle connections each
        // Hikari opens connections on one thread, and pgjdbc waits for a server's handshake without limit: one that
        // accepts and never answers (hung, or a dead backend behind a proxy) would stop the pool for good, even once
        // the database is back (e2e.DatabaseOutageTest, BLACKHOLE). A URL's own loginTimeout still wins.
        pool.addDataSourceProperty("loginTimeout", String.valueOf(CONNECTION_TIMEOUT_MS / 1000));
        return new HikariDataSource(pool);
    }

    /** The first schema of pgjdbc's {@code currentSchema} URL parameter, the one Ingate migrates into. */
    static Optional<String> currentSchema(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String param : jdbcUrl.substring(query + 1).split("&")) {
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).equals("currentSchema")) {
                String value = URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
                String first = value.split(",", 2)[0].trim();
                if (!SCHEMA_NAME.matcher(first).matches()) {
                    throw new IllegalArgumentException("currentSchema must be a plain identifier (letters, digits, _): " + first);
                }
                return Optional.of(first);
            }
        }
        return Optional.empty();
    }

    private static HikariConfig common() {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("ingate-db");
        pool.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        pool.setValidationTimeout(VALIDATION_TIMEOUT_MS);
        return pool;
    }

    private static boolean isInMemory(String target) {
        return target.isEmpty() || target.startsWith(":memory:") || target.contains("mode=memory");
    }

    /** @return the database file's directory, null for a file at the root */
    private static Path createParentDirectories(String target) {
        String path = target.startsWith("file:") ? target.substring("file:".length()) : target;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        if (parent == null) {
            return null;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + parent, e);
        }
        return parent;
    }
}
