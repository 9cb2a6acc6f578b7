package dev.ingate.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh schema in the machine's PostgreSQL (127.0.0.1:5432, database test, trust auth) for one test,
 * dropped with everything in it on close.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    public static PostgresSchema create() {
        return new PostgresSchema("ingate_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
    }

    public String name() {
        return name;
    }

    /** The URL Ingate is given: its migrations create the schema. */
    public String jdbcUrl() {
        return SERVER + "?user=" + USER + "&currentSchema=" + name;
    }

    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(SERVER + "?user=" + USER);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + name, e);
        }
    }
}
