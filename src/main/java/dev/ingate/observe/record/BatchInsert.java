package dev.ingate.observe.record;

import dev.ingate.store.Dialect;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one batch of records, their captured bodies and their usage in one transaction. A record whose id is
 * already stored is skipped and adds nothing to the rollups nor to the bodies, so replaying a journal that was partly
 * committed (or a batch whose commit was reported as failed but happened) counts every request exactly once.
 *
 * <p>Multi-row {@code INSERT … ON CONFLICT (id) DO NOTHING RETURNING id}: the returned ids are exactly the rows
 * inserted on both databases, whatever the driver's batch update counts say (pgjdbc answers "no info" for every
 * row once {@code reWriteBatchedInserts} is on), and PostgreSQL takes one statement of many rows several times
 * faster than as many single-row statements.
 */
final class BatchInsert {

    /** 22 parameters a row: far under SQLite's 32,766 and PostgreSQL's 65,535 parameters per statement. */
    static final int ROWS_PER_STATEMENT = 500;
    /** A hung PostgreSQL must surface as an error (and a journal spill), not stall the writer for ever. */
    private static final int POSTGRES_TIMEOUT_SECONDS = 30;

    private final DataSource dataSource;
    private final Dialect dialect;

    BatchInsert(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Inserts what is new of {@code batch} and adds it to the rollups; returns how many rows were inserted. */
    int write(List<RequestRecord> batch) throws SQLException {
        Map<String, RequestRecord> byId = new LinkedHashMap<>();
        for (RequestRecord r : batch) {
            byId.putIfAbsent(r.id(), r);   // a duplicate inside one statement would be ambiguous; the first one wins
        }
        List<RequestRecord> unique = new ArrayList<>(byId.values());
        try (Connection c = dataSource.getConnection()) {
            boundReads(c);
            c.setAutoCommit(false);
            try {
                UsageRollup rollup = new UsageRollup();
                List<RequestRecord> withBodies = new ArrayList<>();
                int inserted = 0;
                for (int from = 0; from < unique.size(); from += ROWS_PER_STATEMENT) {
                    List<RequestRecord> chunk = unique.subList(from, Math.min(unique.size(), from + ROWS_PER_STATEMENT));
                    for (String id : insert(c, chunk)) {
                        RequestRecord r = byId.get(id);
                        rollup.add(r);
                        if (r.bodies() != null) {
                            withBodies.add(r);
                        }
                        inserted++;
                    }
                }
                if (!withBodies.isEmpty()) {
                    BodyRows.insert(c, withBodies, dialect == Dialect.POSTGRES ? POSTGRES_TIMEOUT_SECONDS : 0);
                }
                rollup.upsert(c);
                c.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * The query timeout alone does not free the writer from a network partition: pgjdbc cancels over a new
     * connection, which the partition blocks too, and the INSERT would wait as long as the partition lasts while the
     * queue fills. A socket read timeout a little above the query timeout ends the wait, and the batch goes to the
     * journal. A shorter one from the URL is kept.
     */
    private void boundReads(Connection c) throws SQLException {
        int limitMillis = (POSTGRES_TIMEOUT_SECONDS + 5) * 1000;
        if (dialect == Dialect.POSTGRES && (c.getNetworkTimeout() == 0 || c.getNetworkTimeout() > limitMillis)) {
            c.setNetworkTimeout(Runnable::run, limitMillis);
        }
    }

    private Set<String> insert(Connection c, List<RequestRecord> chunk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement(chunk.size()))) {
            if (dialect == Dialect.POSTGRES) {
                ps.setQueryTimeout(POSTGRES_TIMEOUT_SECONDS);
            }
            int offset = 0;
            for (RequestRecord r : chunk) {
                RequestRows.bind(ps, offset, r);
                offset += RequestRows.COLUMN_COUNT;
            }
            Set<String> inserted = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
            return inserted;
        }
    }

    private static String statement(int rows) {
        String row = "(" + "?, ".repeat(RequestRows.COLUMN_COUNT - 1) + "?)";
        StringBuilder sql = new StringBuilder(64 + rows * (row.length() + 2));
        sql.append("INSERT INTO requests (").append(RequestRows.COLUMNS).append(") VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.append(" ON CONFLICT (id) DO NOTHING RETURNING id").toString();
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
