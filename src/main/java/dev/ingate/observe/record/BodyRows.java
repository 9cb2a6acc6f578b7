package dev.ingate.observe.record;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/**
 * {@link RequestBodies} as rows of {@code request_bodies} and back. Inserted by {@link BatchInsert} inside the
 * transaction of the requests rows, and only for rows that transaction inserted: a record replayed twice stores its
 * bodies once, and a body row never exists without its request row having been inserted.
 */
final class BodyRows {

    private static final String INSERT = "INSERT INTO request_bodies (id, created_at, request_body, request_encoding, "
            + "request_truncated, response_body, response_encoding, response_truncated) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO NOTHING";
    private static final String SELECT = "SELECT request_body, request_encoding, request_truncated, response_body, "
            + "response_encoding, response_truncated FROM request_bodies WHERE id = ?";
    /**
     * Bodies are up to max_body_size each: a few hundred per JDBC batch keeps the driver's buffers in the tens of
     * megabytes at worst, while still one round trip for many small ones.
     */
    private static final int ROWS_PER_BATCH = 200;

    private BodyRows() {
    }

    /**
     * Inserts the bodies of {@code inserted} that have any, on {@code c} (the caller's transaction).
     *
     * @param timeoutSeconds per batch statement, 0 for none
     */
    static void insert(Connection c, List<RequestRecord> inserted, int timeoutSeconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            if (timeoutSeconds > 0) {
                ps.setQueryTimeout(timeoutSeconds);
            }
            int pending = 0;
            for (RequestRecord r : inserted) {
                RequestBodies bodies = r.bodies();
                if (bodies == null) {
                    continue;
                }
                ps.setString(1, r.id());
                ps.setLong(2, r.createdAt().toEpochMilli());
                bind(ps, 3, bodies.request());
                bind(ps, 6, bodies.response());
                ps.addBatch();
                if (++pending == ROWS_PER_BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** The stored bodies of request {@code id}, if it has any (captured and not pruned). */
    static Optional<RequestBodies> read(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RequestBodies(body(rs, 1), body(rs, 4)));
            }
        }
    }

    private static void bind(PreparedStatement ps, int first, CapturedBody body) throws SQLException {
        if (body == null || body.text() == null) {
            ps.setNull(first, Types.VARCHAR);
            ps.setNull(first + 1, Types.VARCHAR);
            ps.setInt(first + 2, 0);
            return;
        }
        ps.setString(first, body.text());
        if (body.encoding() != null) {
            ps.setString(first + 1, body.encoding());
        } else {
            ps.setNull(first + 1, Types.VARCHAR);
        }
        ps.setInt(first + 2, body.truncated() ? 1 : 0);
    }

    private static CapturedBody body(ResultSet rs, int first) throws SQLException {
        String text = rs.getString(first);
        return text == null ? null : new CapturedBody(text, rs.getString(first + 1), rs.getInt(first + 2) != 0);
    }
}
