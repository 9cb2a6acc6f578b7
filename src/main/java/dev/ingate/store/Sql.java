package dev.ingate.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Borrows a pooled connection for one unit of work, so stores hold no connection between calls. */
final class Sql {

    /** A unit of work on a connection; plain JDBC, checked exceptions allowed. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in auto-commit mode: for reads and single-statement writes. */
    <T> T run(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw StoreException.of(what, e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws anything (the
     * exception then propagates, SQL errors wrapped in {@link StoreException}). On SQLite the transaction takes
     * the write lock at BEGIN (see {@link ConnectionPools}), so it suits read-then-write work.
     */
    <T> T transaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Throwable t) {
                rollbackQuietly(c, t);
                throw t;
            } finally {
                // the pool would reset it too; done here so that no pool is assumed
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StoreException.of(what, e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
