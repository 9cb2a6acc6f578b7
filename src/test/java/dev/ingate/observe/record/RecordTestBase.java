package dev.ingate.observe.record;

import dev.ingate.testkit.TestDatabases;
import dev.ingate.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs each subclass's tests on SQLite and on PostgreSQL; tables emptied and a fresh data dir before each test. */
@ParameterizedClass(name = "{0}")
@EnumSource(RecordBackend.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecordTestBase {

    @Parameter
    RecordBackend backend;

    TestDatabases.Place place;
    Database database;

    @TempDir
    Path dataDir;

    @BeforeParameterizedClassInvocation
    void openDatabase() {
        place = backend.newPlace();
        database = Database.open(place.url());
    }

    @AfterParameterizedClassInvocation
    void removeDatabase() {
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            place.close();
        }
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM requests");
            s.executeUpdate("DELETE FROM usage_rollups");
            s.executeUpdate("DELETE FROM request_bodies");
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long rowCount() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM requests")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static RecordWriter.Settings settings(int queue, int batch, int highWater, Duration closeWait) {
        return new RecordWriter.Settings(queue, batch, highWater, 256 * 1024, false, closeWait, Duration.ofMillis(20), Duration.ofMillis(100));
    }

    RecordWriter start(DataSource dataSource, RecordWriter.Settings settings) {
        return RecordWriter.start(dataSource, database.dialect(), dataDir, settings);
    }

    RecordWriter start() {
        return start(database.dataSource(), RecordWriter.Settings.defaults().unpaced());
    }

    /** The journal files waiting for replay (the directory exists once a writer started). */
    List<Path> journalFiles() throws IOException {
        if (!Files.isDirectory(journalDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(journalDir())) {
            return files.filter(f -> Journal.number(f) >= 0).sorted().toList();
        }
    }

    boolean journalEmpty() {
        try {
            return journalFiles().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    long journalLines() throws IOException {
        long lines = 0;
        for (Path file : journalFiles()) {
            try (Stream<String> l = Files.lines(file)) {
                lines += l.count();
            }
        }
        return lines;
    }

    Path journalDir() {
        return dataDir.resolve("journal");
    }

    /** Every dimension's rollups, read through the log, equal the sums of {@code records}, and the rows are exactly them. */
    void assertStoredExactly(List<RequestRecord> records) throws SQLException {
        assertThat(rowCount()).isEqualTo(records.size());
        JdbcRequestLog log = new JdbcRequestLog(database);
        for (RequestLog.GroupBy groupBy : RequestLog.GroupBy.values()) {
            Map<String, RequestLog.UsageRow> expected = Records.usage(records, groupBy);
            Map<String, RequestLog.UsageRow> actual = new TreeMap<>();
            log.usage(groupBy, null, null).forEach(row -> actual.put(Records.groupKey(row.group()), row));
            assertThat(actual).as("usage by %s", groupBy).isEqualTo(expected);
        }
    }
}
