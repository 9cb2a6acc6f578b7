package dev.ingate.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.ingate.testkit.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two ways migrations run, on SQLite and PostgreSQL: a database without history gets every file in one
 * transaction; one with history gets only its pending files, each in its own.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class MigrationsTest {

    /** Fails at its one statement, after the files before it have run. */
    private static final Migration BROKEN = new Migration(1000, "V1000__broken.sql", "CREATE TABLE broken (;\n");

    @Parameter
    Backend backend;

    private TestDatabases.Place place;
    private HikariDataSource pool;
    private Dialect dialect;
    private Optional<String> schema;

    @BeforeEach
    void openPool() {
        place = backend.newPlace();
        String url = place.url();
        dialect = backend == Backend.SQLITE ? Dialect.SQLITE : Dialect.POSTGRES;
        schema = dialect == Dialect.POSTGRES ? ConnectionPools.currentSchema(url) : Optional.empty();
        pool = dialect == Dialect.SQLITE ? ConnectionPools.sqlite(url) : ConnectionPools.postgres(url);
    }

    @AfterEach
    void closePool() {
        try {
            pool.close();
        } finally {
            place.close();
        }
    }

    @Test
    void aFreshDatabaseGetsEveryFile() throws SQLException {
        assertThat(Migrations.migrate(pool, dialect, schema, all())).isEqualTo(Migrations.FILES.size());
        assertThat(history().keySet()).containsExactlyElementsOf(all().stream().map(Migration::version).toList());
        assertThat(tableExists("providers")).isTrue();
    }

    /** One transaction: a file that fails leaves nothing of the files before it, not even their history. */
    @Test
    void aFreshDatabaseGetsAllFilesOrNone() throws SQLException {
        List<Migration> withBroken = Stream.concat(all().stream(), Stream.of(BROKEN)).toList();
        assertThatThrownBy(() -> Migrations.migrate(pool, dialect, schema, withBroken))
                .isInstanceOf(StoreException.class).hasMessageContaining("migration V1000__broken.sql failed");
        assertThat(history()).isEmpty();
        assertThat(tableExists("providers")).isFalse();
        assertThat(Migrations.migrate(pool, dialect, schema, all())).as("a later start begins again from nothing")
                .isEqualTo(Migrations.FILES.size());
    }

    @Test
    void aDatabaseWithHistoryGetsOnlyItsPendingFiles() throws SQLException {
        List<Migration> older = all().subList(0, 4);
        assertThat(Migrations.migrate(pool, dialect, schema, older)).isEqualTo(4);
        Map<Integer, Long> before = appliedAt();

        assertThat(Migrations.migrate(pool, dialect, schema, all())).isEqualTo(Migrations.FILES.size() - 4);
        assertThat(history().keySet()).containsExactlyElementsOf(all().stream().map(Migration::version).toList());
        assertThat(appliedAt()).as("the applied files did not run again").containsAllEntriesOf(before);
        assertThat(Migrations.migrate(pool, dialect, schema, all())).isZero();
    }

    /** One transaction per pending file: the files before a failing one stay applied. */
    @Test
    void pendingFilesBeforeAFailingOneStayApplied() throws SQLException {
        Migrations.migrate(pool, dialect, schema, all().subList(0, 4));
        List<Migration> withBroken = Stream.concat(all().stream(), Stream.of(BROKEN)).toList();
        assertThatThrownBy(() -> Migrations.migrate(pool, dialect, schema, withBroken))
                .isInstanceOf(StoreException.class).hasMessageContaining("migration V1000__broken.sql failed");
        assertThat(history().keySet()).containsExactlyElementsOf(all().stream().map(Migration::version).toList());
    }

    /** A changed applied file stops the start before any pending file runs on a schema it does not describe. */
    @Test
    void aChangedAppliedFileIsRefusedBeforeAnythingRuns() throws SQLException {
        Migrations.migrate(pool, dialect, schema, all().subList(0, 4));
        List<Migration> changed = new ArrayList<>(all());
        Migration first = changed.getFirst();
        changed.set(0, new Migration(first.version(), first.name(), first.sql() + "\n-- edited\n"));
        assertThatThrownBy(() -> Migrations.migrate(pool, dialect, schema, changed))
                .isInstanceOf(StoreException.class).hasMessageContaining(first.name() + " was changed after it was applied");
        assertThat(history()).hasSize(4);
    }

    /** Two instances starting on one empty database at once: one applies everything, the other finds it done. */
    @Test
    void twoInstancesMigratingAtOnceApplyEachFileOnce() throws SQLException {
        try (HikariDataSource other = dialect == Dialect.SQLITE ? ConnectionPools.sqlite(place.url()) : ConnectionPools.postgres(place.url())) {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> Migrations.migrate(pool, dialect, schema, all()));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> Migrations.migrate(other, dialect, schema, all()));
            assertThat(first.join() + second.join()).isEqualTo(Migrations.FILES.size());
        }
        assertThat(history()).hasSize(Migrations.FILES.size());
    }

    private static List<Migration> all() {
        return Migrations.FILES.stream().map(Migration::load).toList();
    }

    /** version to checksum, oldest first */
    private Map<Integer, String> history() throws SQLException {
        Map<Integer, String> rows = new LinkedHashMap<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            if (!tableExists(s, "ingate_schema_history")) {
                return rows;
            }
            try (ResultSet rs = s.executeQuery("SELECT version, checksum FROM ingate_schema_history ORDER BY version")) {
                while (rs.next()) {
                    rows.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return rows;
    }

    private Map<Integer, Long> appliedAt() throws SQLException {
        Map<Integer, Long> rows = new LinkedHashMap<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, applied_at FROM ingate_schema_history ORDER BY version")) {
            while (rs.next()) {
                rows.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return rows;
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            return tableExists(s, table);
        }
    }

    private boolean tableExists(Statement s, String table) throws SQLException {
        String query = dialect == Dialect.SQLITE
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + schema.orElseThrow() + "' AND table_name = '" + table + "'";
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
