package dev.ingate.observe.record;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The usage of one batch, summed in memory per (dimension, value, day) and then added to {@code usage_rollups}
 * with one upsert per distinct key: a batch of a thousand requests to a handful of models costs a few dozen
 * statements, not six thousand.
 */
final class UsageRollup {

    /** The {@code dimension} column's values, one per {@link RequestLog.GroupBy}. */
    static String dimension(RequestLog.GroupBy groupBy) {
        return switch (groupBy) {
            case PROVIDER -> "provider";
            case MODEL -> "model";
            case KEY -> "key";
            case USER -> "user";
            case SESSION -> "session";
            case DAY -> "day";
        };
    }

    /** Stored in place of a missing value (no key on a 401, no user or session sent): the key columns are NOT NULL. */
    static final String NONE = "";

    static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private static final String UPSERT = "INSERT INTO usage_rollups "
            + "(dimension, value, day, requests, input_tokens, output_tokens, cached_input_tokens, cost_nanos) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dimension, value, day) DO UPDATE SET "
            + "requests = usage_rollups.requests + excluded.requests, "
            + "input_tokens = usage_rollups.input_tokens + excluded.input_tokens, "
            + "output_tokens = usage_rollups.output_tokens + excluded.output_tokens, "
            + "cached_input_tokens = usage_rollups.cached_input_tokens + excluded.cached_input_tokens, "
            + "cost_nanos = usage_rollups.cost_nanos + excluded.cost_nanos";

    private record Key(String dimension, String value, String day) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = dimension.compareTo(o.dimension);
            if (c == 0) {
                c = value.compareTo(o.value);
            }
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    private static final class Sums {
        long requests;
        long inputTokens;
        long outputTokens;
        long cachedInputTokens;
        long costNanos;
    }

    /**
     * Sorted: every writer (several instances may share one PostgreSQL) upserts rows in the same order, so two
     * transactions never hold row locks the other waits for (no deadlock).
     */
    private final Map<Key, Sums> sums = new TreeMap<>();

    boolean isEmpty() {
        return sums.isEmpty();
    }

    /** Adds one inserted request under each of its six dimensions. */
    void add(RequestRecord r) {
        String day = DAY.format(r.createdAt());
        add("provider", r.provider(), day, r);
        add("model", r.model(), day, r);
        add("key", r.keyId(), day, r);
        add("user", r.user(), day, r);
        add("session", r.sessionId(), day, r);
        add("day", day, day, r);
    }

    private void add(String dimension, String value, String day, RequestRecord r) {
        Sums s = sums.computeIfAbsent(new Key(dimension, value == null ? NONE : value, day), k -> new Sums());
        s.requests++;
        s.inputTokens += orZero(r.inputTokens());
        s.outputTokens += orZero(r.outputTokens());
        s.cachedInputTokens += orZero(r.cachedInputTokens());
        Long cost = RequestRows.costNanos(r.costUsd());
        s.costNanos += orZero(cost);
    }

    /** Adds the sums to the table on {@code c}, inside the caller's transaction. */
    void upsert(Connection c) throws SQLException {
        if (sums.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (Map.Entry<Key, Sums> e : sums.entrySet()) {
                Key k = e.getKey();
                Sums s = e.getValue();
                ps.setString(1, k.dimension());
                ps.setString(2, k.value());
                ps.setString(3, k.day());
                ps.setLong(4, s.requests);
                ps.setLong(5, s.inputTokens);
                ps.setLong(6, s.outputTokens);
                ps.setLong(7, s.cachedInputTokens);
                ps.setLong(8, s.costNanos);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0L : value;
    }
}
