package dev.ingate.observe.record;

import dev.ingate.store.Database;
import dev.ingate.store.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link RequestLog} over the {@code requests}, {@code request_bodies} and {@code usage_rollups} tables. Thread-safe; every call blocks.
 *
 * <p>Time windows are half-open: {@code since} inclusive, {@code until} exclusive. Usage has day granularity: a day
 * counts whole when any part of it lies in the window ({@code until=2026-11-22} ends with the 21st, an
 * {@code until} of now includes today). Requests without a key, user or session are summed under the group null.
 */
public final class JdbcRequestLog implements RequestLog {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final DataSource dataSource;

    public JdbcRequestLog(Database database) {
        this(database.dataSource());
    }

    public JdbcRequestLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Newest first. {@code limit} 0 or less means the default (100), above 1000 means 1000; an empty filter value
     * means "any", like a missing one.
     *
     * @throws IllegalArgumentException when {@code cursor} is not one this log handed out
     */
    @Override
    public Page list(Filter filter, int limit, String cursor) {
        int size = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        Where where = new Where();
        if (filter != null) {
            where.equal("provider", filter.provider());
            where.equal("model", filter.model());
            where.equal("status", filter.status());
            where.equal("key_id", filter.keyId());
            where.equal("session_id", filter.sessionId());
            where.equal("end_user", filter.user());
            where.add("created_at >= ?", filter.since() == null ? null : filter.since().toEpochMilli());
            where.add("created_at < ?", filter.until() == null ? null : filter.until().toEpochMilli());
        }
        if (cursor != null && !cursor.isBlank()) {
            PageCursor after = PageCursor.decode(cursor);
            // a row value: both databases seek the (…, created_at, id) index to it instead of filtering from the top
            where.add("(created_at, id) < (?, ?)", after.createdAt(), after.id());
        }
        String sql = "SELECT " + RequestRows.COLUMNS + " FROM requests" + where.sql() + " ORDER BY created_at DESC, id DESC LIMIT ?";
        List<RequestRecord> rows = query("list requests", sql, where.params(size + 1), RequestRows::read);
        if (rows.size() <= size) {
            return new Page(rows, null);
        }
        List<RequestRecord> page = rows.subList(0, size);
        RequestRecord last = page.get(size - 1);
        return new Page(List.copyOf(page), new PageCursor(last.createdAt().toEpochMilli(), last.id()).encode());
    }

    @Override
    public Optional<RequestRecord> get(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String sql = "SELECT " + RequestRows.COLUMNS + " FROM requests WHERE id = ?";
        return query("get request", sql, List.of(id), RequestRows::read).stream().findFirst();
    }

    @Override
    public Optional<RequestBodies> bodies(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            return BodyRows.read(c, id).map(stored -> new RequestBodies(ReadableBody.of(stored.request()), ReadableBody.of(stored.response())));
        } catch (SQLException e) {
            throw new StoreException("get request bodies: " + e.getMessage(), e);
        }
    }

    /** Ordered by group (days in date order); the rollups alone are read, so a report never scans requests. */
    @Override
    public List<UsageRow> usage(GroupBy groupBy, Instant since, Instant until) {
        Where where = new Where();
        where.add("dimension = ?", UsageRollup.dimension(groupBy));
        where.add("day >= ?", since == null ? null : UsageRollup.DAY.format(since));
        // until is exclusive: an until at midnight ends the window with the day before
        where.add("day <= ?", until == null ? null : UsageRollup.DAY.format(until.minusMillis(1)));
        String sql = "SELECT value, SUM(requests), SUM(input_tokens), SUM(output_tokens), SUM(cached_input_tokens), "
                + "SUM(cost_nanos) FROM usage_rollups" + where.sql() + " GROUP BY value ORDER BY value";
        return query("read usage", sql, where.params(), rs -> new UsageRow(
                rs.getString(1).equals(UsageRollup.NONE) ? null : rs.getString(1),
                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                RequestRows.usd(rs.getLong(6))));
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String what, String sql, List<Object> params, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException(what + ": " + e.getMessage(), e);
        }
    }

    /** The WHERE clause of the conditions that apply, with their parameters in order. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        void equal(String column, Object value) {
            if (value instanceof String s && s.isEmpty()) {
                return;
            }
            add(column + " = ?", value);
        }

        /** Adds {@code condition} unless its first value is null ("any"). */
        void add(String condition, Object... values) {
            if (values[0] != null) {
                conditions.add(condition);
                params.addAll(List.of(values));
            }
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        List<Object> params(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(List.of(more));
            return all;
        }
    }
}
