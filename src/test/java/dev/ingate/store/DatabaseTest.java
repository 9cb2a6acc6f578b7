package dev.ingate.store;

import dev.ingate.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest extends StoreTestBase {

    static final List<String> TABLES = List.of("providers", "settings", "fallbacks", "gateway_keys", "change_version");

    @Test
    void migrationsCreateEveryTableInAnEmptyDatabase() throws SQLException {
        assertThat(database.dialect()).isEqualTo(backend == Backend.SQLITE ? Dialect.SQLITE : Dialect.POSTGRES);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    assertThat(rs.next()).as(table).isTrue();
                }
            }
        }
        assertThat(appliedMigrations(database)).hasSize(Migrations.FILES.size()).startsWith("1");
        assertThat(Stores.open(database).changes().version()).isZero();
    }

    @Test
    void openingAgainAppliesNothingAndKeepsTheData() throws SQLException {
        Stores.open(database).providers().setDefaultProvider(Optional.of("openai"));
        try (Database again = Database.open(place.url()); Database third = Database.open(place.url())) {
            assertThat(appliedMigrations(again)).hasSize(Migrations.FILES.size());
            assertThat(Stores.open(third).providers().defaultProvider()).contains("openai");
        }
        assertThat(database.ping()).as("closing another instance leaves this one open").isTrue();
    }

    /** Opening again applies nothing and keeps one history row per file, with its checksum. */
    @Test
    void reopeningAppliesNothingAndHistoryHoldsEveryFile() throws SQLException {
        try (Database again = Database.open(place.url())) {
            assertThat(appliedMigrations(again)).hasSize(Migrations.FILES.size());
        }
    }

    /** A migration changed after it was applied stops the start instead of running on a schema it does not describe. */
    @Test
    void aChangedAppliedMigrationIsRefused() throws SQLException {
        try (TestDatabases.Place own = backend.newPlace()) {
            try (Database db = Database.open(own.url()); Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE ingate_schema_history SET checksum = 'tampered' WHERE version = 1");
            }
            assertThatThrownBy(() -> Database.open(own.url())).isInstanceOf(StoreException.class).hasMessageContaining("changed after it was applied");
        }
    }

    @Test
    void pingAnswersTrueWhileOpenAndFalseAfterClose() {
        assertThat(database.ping()).isTrue();
        Database other = Database.open(place.url());
        assertThat(other.ping()).isTrue();
        other.close();
        assertThat(other.ping()).isFalse();
    }

    private static List<String> appliedMigrations(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM ingate_schema_history ORDER BY version")) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            return versions;
        }
    }
}
