package dev.ingate.observe.record;

import dev.ingate.testkit.TestDatabases;
import dev.ingate.testkit.TestDatabases.Place;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two databases the record tests run against (as the store tests' Backend, which is package-private there):
 * a fresh SQLite file or PostgreSQL schema per test class, removed afterwards. Each also knows how to stall the
 * writer for real: another connection holding the write lock on {@code requests}.
 */
enum RecordBackend {

    SQLITE {
        @Override
        Place newPlace() {
            return TestDatabases.sqlite("ingate-record-test", "ingate.db");
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
            return TestDatabases.postgres("ingate_rec_");
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
}
