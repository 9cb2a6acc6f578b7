package dev.ingate.store;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database behind every store: a connection pool, migrated at open. {@code jdbc:sqlite:<path>} (the embedded
 * default) or {@code jdbc:postgresql://…}; for PostgreSQL a {@code currentSchema=NAME} parameter names the schema
 * Ingate creates if missing and migrates into. Thread-safe; every call blocks.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    /** Held strongly: JUL forgets the level of a logger nobody references. */
    private static final List<Logger> CHATTY_LIBRARIES = List.of(Logger.getLogger("com.zaxxer.hikari"));
    /** A health probe must answer quickly; a healthy database answers SELECT 1 in microseconds. */
    private static final int PING_TIMEOUT_SECONDS = 2;

    private final Dialect dialect;
    private final HikariDataSource pool;
    /** What opening migrated, logged by {@link #reportMigrations}; null once logged or when nothing was applied. */
    private volatile String migrationReport;

    private Database(Dialect dialect, HikariDataSource pool, String migrationReport) {
        this.dialect = dialect;
        this.pool = pool;
        this.migrationReport = migrationReport;
    }

    /** Opens the pool and applies pending migrations, and logs what they were; fails (and releases everything) if either fails. */
    public static Database open(String jdbcUrl) {
        Database database = openUnreported(jdbcUrl);
        database.reportMigrations();
        return database;
    }

    /**
     * As {@link #open}, leaving the log line to {@link #reportMigrations}: a start hands the database over first (the
     * first log line of a JVM sets up java.util.logging, some 30 ms of a cold start).
     */
    public static Database openUnreported(String jdbcUrl) {
        quietLibraries();
        long start = System.nanoTime();
        Dialect dialect;
        Optional<String> schema;
        HikariDataSource pool;
        if (jdbcUrl.startsWith(ConnectionPools.SQLITE_PREFIX)) {
            dialect = Dialect.SQLITE;
            schema = Optional.empty();
        } else if (jdbcUrl.startsWith(ConnectionPools.POSTGRES_PREFIX)) {
            dialect = Dialect.POSTGRES;
            schema = ConnectionPools.currentSchema(jdbcUrl);
        } else {
            // the URL may carry a password: name only what was expected
            throw new IllegalArgumentException("unsupported database URL: expected jdbc:sqlite:<path> or jdbc:postgresql://…");
        }
        try {
            pool = dialect == Dialect.SQLITE ? ConnectionPools.sqlite(jdbcUrl) : ConnectionPools.postgres(jdbcUrl);
        } catch (RuntimeException e) {
            // Hikari's own message ("Failed to initialize pool: Connection to host:port refused") names no password
            throw new StoreException("cannot open the database: " + e.getMessage(), e);
        }
        String report = null;
        try {
            long opened = System.nanoTime();
            int applied = Migrations.migrate(pool, dialect, schema);
            if (applied > 0) {
                // the pool's first connection is told apart: on a cold JVM it is most of the time (the driver's start)
                report = "database: applied " + applied + " migration(s) in " + (System.nanoTime() - opened) / 1_000_000 + " ms (opening took "
                        + (opened - start) / 1_000_000 + " ms)";
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(dialect, pool, report);
    }

    /** Logs which migrations opening applied, once; nothing when none were pending. */
    public void reportMigrations() {
        String report = migrationReport;
        migrationReport = null;
        if (report != null) {
            LOG.info(report);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** A cheap {@code SELECT 1}, for /health: false when the database cannot be reached or this was closed. */
    public boolean ping() {
        if (pool.isClosed()) {
            return false;
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            if (dialect == Dialect.POSTGRES) {
                s.setQueryTimeout(PING_TIMEOUT_SECONDS);   // a local SQLite file has no network to hang on
                // the timeout's cancel travels over a new connection, which a network partition blocks as well
                c.setNetworkTimeout(Runnable::run, (PING_TIMEOUT_SECONDS + 1) * 1000);
            }
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                return rs.next();
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * Flyway and Hikari report every start at INFO (pool started, schema up to date): noise on each boot. Their
     * warnings still show; an operator who configured these loggers keeps the levels they chose.
     */
    private static void quietLibraries() {
        for (Logger logger : CHATTY_LIBRARIES) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
        }
    }
}
