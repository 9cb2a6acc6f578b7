package dev.ingate.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;

/** Reads driver-specific error codes, since SQLite and PostgreSQL report a duplicate differently. */
final class SqlErrors {

    /** PostgreSQL's SQLSTATE for unique_violation. */
    private static final String PG_UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                SQLiteErrorCode code = s.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                    return true;
                }
            } else if (t instanceof SQLException q && PG_UNIQUE_VIOLATION.equals(q.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
