package dev.ingate.observe.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * A {@link RequestRecord} as a row of the {@code requests} table and back. The columns are the portable types of
 * the migrations: cost in nano-dollars and overhead in microseconds (BIGINT), so the same binding works on SQLite
 * and PostgreSQL and sums stay exact.
 */
final class RequestRows {

    /** In the order {@link #bind} sets them. */
    static final String COLUMNS = "id, created_at, key_id, key_name, provider, served_by, model, served_model, path, status, "
            + "attempts, latency_ms, ttft_ms, overhead_us, input_tokens, output_tokens, cached_input_tokens, cost_nanos, "
            + "session_id, end_user, cache, error, saved_nanos";
    static final int COLUMN_COUNT = 23;

    /** An upstream error body can be large; the record keeps its start, the row stays slim. */
    static final int MAX_ERROR_CHARS = 4_096;

    private static final int NANOS_SCALE = 9;

    private RequestRows() {
    }

    /**
     * Whether {@code r} can be stored at all: a record that fails its insert would fail its whole batch on every
     * retry and replay, so it is refused at the door instead.
     */
    static boolean storable(RequestRecord r) {
        if (r == null || r.id() == null || r.id().isEmpty() || r.id().indexOf('\0') >= 0 || r.createdAt() == null) {
            return false;
        }
        try {
            r.createdAt().toEpochMilli();
            costNanos(r.costUsd());
            costNanos(r.savedUsd());
            return true;
        } catch (ArithmeticException e) {   // a time or a cost beyond a BIGINT
            return false;
        }
    }

    /** Binds {@code r} to parameters {@code offset + 1 … offset + COLUMN_COUNT}. */
    static void bind(PreparedStatement ps, int offset, RequestRecord r) throws SQLException {
        int i = offset;
        ps.setString(++i, r.id());
        ps.setLong(++i, r.createdAt().toEpochMilli());
        setText(ps, ++i, r.keyId());
        setText(ps, ++i, r.keyName());
        setText(ps, ++i, r.provider());
        setText(ps, ++i, r.servedBy());
        setText(ps, ++i, r.model());
        setText(ps, ++i, r.servedModel());
        setText(ps, ++i, r.path());
        ps.setInt(++i, r.status());
        ps.setInt(++i, r.attempts());
        ps.setLong(++i, r.latencyMs());
        setLong(ps, ++i, r.ttftMs());
        ps.setLong(++i, overheadMicros(r.overheadMs()));
        setLong(ps, ++i, r.inputTokens());
        setLong(ps, ++i, r.outputTokens());
        setLong(ps, ++i, r.cachedInputTokens());
        setLong(ps, ++i, costNanos(r.costUsd()));
        setText(ps, ++i, r.sessionId());
        setText(ps, ++i, r.user());
        setText(ps, ++i, r.cache());
        String error = r.error();
        setText(ps, ++i, error != null && error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error);
        setLong(ps, ++i, costNanos(r.savedUsd()));
    }

    static RequestRecord read(ResultSet rs) throws SQLException {
        return new RequestRecord(
                rs.getString("id"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getString("key_id"),
                rs.getString("key_name"),
                rs.getString("provider"),
                rs.getString("served_by"),
                rs.getString("model"),
                rs.getString("served_model"),
                rs.getString("path"),
                rs.getInt("status"),
                rs.getInt("attempts"),
                rs.getLong("latency_ms"),
                nullableLong(rs, "ttft_ms"),
                rs.getLong("overhead_us") / 1000.0,
                nullableLong(rs, "input_tokens"),
                nullableLong(rs, "output_tokens"),
                nullableLong(rs, "cached_input_tokens"),
                usd(nullableLong(rs, "cost_nanos")),
                rs.getString("session_id"),
                rs.getString("end_user"),
                rs.getString("cache"),
                rs.getString("error"),
                usd(nullableLong(rs, "saved_nanos")),
                null);
    }

    /** Rounded half-up to a nano-dollar: a billion requests would still sum to within a dollar of the exact value. */
    static Long costNanos(BigDecimal usd) {
        return usd == null ? null : usd.movePointRight(NANOS_SCALE).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Plain (never 1E+2) and without trailing zeros, so JSON shows {@code 0.00123}, not {@code 0.001230000}. */
    static BigDecimal usd(Long nanos) {
        if (nanos == null) {
            return null;
        }
        BigDecimal usd = BigDecimal.valueOf(nanos, NANOS_SCALE).stripTrailingZeros();
        return usd.scale() < 0 ? usd.setScale(0) : usd;
    }

    /** Sub-microsecond overhead is noise next to any network call. */
    static long overheadMicros(double overheadMs) {
        return Double.isFinite(overheadMs) ? Math.round(overheadMs * 1000.0) : 0L;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value != null) {
            ps.setLong(index, value);
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value != null) {
            ps.setString(index, text(value));
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    /**
     * PostgreSQL rejects a NUL character in TEXT, and one bad value must not fail a whole batch again and again
     * (upstream error messages and client-sent user ids are not under our control).
     */
    private static String text(String value) {
        return value.indexOf('\0') < 0 ? value : value.replace("\0", "");
    }
}
