package dev.ingate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@link ChangeFeed} over the one-row change_version table. {@link #bump()} increments in the database, in a
 * transaction that then reads the row back: the row lock (PostgreSQL) or the write lock (SQLite) is held until
 * commit, so concurrent bumps from any number of instances each get a distinct, increasing version.
 */
public final class JdbcChangeFeed implements ChangeFeed {

    private final Sql sql;

    public JdbcChangeFeed(Database database) {
        this.sql = new Sql(database.dataSource());
    }

    @Override
    public long version() {
        return sql.run("read the change version", JdbcChangeFeed::read);
    }

    @Override
    public long bump() {
        return sql.transaction("bump the change version", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE change_version SET version = version + 1 WHERE id = 1")) {
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("change_version has no row: the migrations did not run");
                }
            }
            return read(c);
        });
    }

    private static long read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM change_version WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("change_version has no row: the migrations did not run");
            }
            return rs.getLong(1);
        }
    }
}
