package dev.ingate.store;

import dev.ingate.testkit.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs each subclass's tests once per {@link Backend}: the same cases on SQLite and PostgreSQL. Each run gets its
 * own fresh database (a temp file, or a schema of its own), removed at the end; tables are emptied before each test.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreTestBase {

    @Parameter
    Backend backend;

    TestDatabases.Place place;
    Database database;

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
            for (String table : new String[] {"providers", "settings", "fallbacks", "routes", "gateway_keys"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
            s.executeUpdate("UPDATE change_version SET version = 0");
        }
    }
}
