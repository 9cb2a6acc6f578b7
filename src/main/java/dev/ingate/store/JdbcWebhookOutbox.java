package dev.ingate.store;

import dev.ingate.webhook.DeliveryAttempt;
import dev.ingate.webhook.PendingDelivery;
import dev.ingate.webhook.WebhookOutbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link WebhookOutbox} over the webhook_outbox and webhook_deliveries tables. Thread-safe; every call blocks.
 * Ownership changes only through single conditional UPDATEs, which both databases apply row by row under a lock:
 * two instances taking over the same lapsed row cannot both get it.
 */
public final class JdbcWebhookOutbox implements WebhookOutbox {

    static final int MAX_LIMIT = 1_000;
    private static final String PENDING = "id, webhook_id, event_id, event_type, payload, attempts, next_attempt_at, owner, created_at";
    private static final String LOGGED = "id, delivery_id, webhook_id, event_id, event_type, attempt, status_code, error, outcome, "
            + "created_at, next_retry_at";

    private final Sql sql;

    public JdbcWebhookOutbox(Database database) {
        this.sql = new Sql(database.dataSource());
    }

    @Override
    public void enqueue(List<PendingDelivery> deliveries, Instant leaseUntil) {
        sql.transaction("store pending webhook deliveries", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_outbox (" + PENDING + ", lease_until) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PendingDelivery d : deliveries) {
                    ps.setString(1, d.id());
                    ps.setString(2, d.webhookId());
                    ps.setString(3, d.eventId());
                    ps.setString(4, d.eventType());
                    ps.setString(5, d.payload());
                    ps.setInt(6, d.attempts());
                    ps.setLong(7, d.nextAttemptAt().toEpochMilli());
                    ps.setString(8, d.owner());
                    ps.setLong(9, d.createdAt().toEpochMilli());
                    ps.setLong(10, leaseUntil.toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<PendingDelivery> due(String owner, Instant now, int limit) {
        return sql.run("read due webhook deliveries", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PENDING + " FROM webhook_outbox WHERE owner = ? AND next_attempt_at <= ? "
                    + "ORDER BY next_attempt_at, id LIMIT ?")) {
                ps.setString(1, owner);
                ps.setLong(2, now.toEpochMilli());
                ps.setInt(3, limit);
                List<PendingDelivery> due = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new PendingDelivery(rs.getString("id"), rs.getString("webhook_id"), rs.getString("event_id"),
                                rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts"),
                                Columns.instant(rs, "next_attempt_at"), rs.getString("owner"), Columns.instant(rs, "created_at")));
                    }
                }
                return due;
            }
        });
    }

    @Override
    public Optional<Instant> nextDue(String owner) {
        return sql.run("read the next webhook delivery time", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_attempt_at) FROM webhook_outbox WHERE owner = ?")) {
                ps.setString(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();   // an aggregate: always one row, NULL when the owner holds none
                    long at = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(at));
                }
            }
        });
    }

    @Override
    public void record(PendingDelivery delivery, DeliveryAttempt a) {
        sql.transaction("log a webhook delivery attempt", c -> {
            try (PreparedStatement log = c.prepareStatement("INSERT INTO webhook_deliveries (" + LOGGED + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                log.setString(1, a.id());
                log.setString(2, a.deliveryId());
                log.setString(3, a.webhookId());
                log.setString(4, a.eventId());
                log.setString(5, a.eventType());
                log.setInt(6, a.attempt());
                if (a.statusCode() == null) {
                    log.setNull(7, Types.INTEGER);
                } else {
                    log.setInt(7, a.statusCode());
                }
                Columns.setNullableText(log, 8, a.error());
                log.setString(9, a.outcome());
                log.setLong(10, a.createdAt().toEpochMilli());
                Columns.setNullableLong(log, 11, java.util.Optional.ofNullable(a.nextRetryAt()));
                log.executeUpdate();
            }
            if (a.outcome().equals(DeliveryAttempt.RETRYING)) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_outbox SET attempts = ?, next_attempt_at = ? WHERE id = ?")) {
                    ps.setInt(1, a.attempt());
                    ps.setLong(2, a.nextRetryAt().toEpochMilli());
                    ps.setString(3, delivery.id());
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_outbox WHERE id = ?")) {
                    ps.setString(1, delivery.id());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void renew(String owner, Instant leaseUntil) {
        sql.run("renew webhook delivery leases", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_outbox SET lease_until = ? WHERE owner = ?")) {
                ps.setLong(1, leaseUntil.toEpochMilli());
                ps.setString(2, owner);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int takeOver(String owner, Instant now, Instant leaseUntil) {
        return sql.run("take over lapsed webhook deliveries", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_outbox SET owner = ?, lease_until = ? WHERE lease_until < ?")) {
                ps.setString(1, owner);
                ps.setLong(2, leaseUntil.toEpochMilli());
                ps.setLong(3, now.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Page attempts(String webhookId, int limit, String cursor) {
        int size = limit <= 0 ? 100 : Math.min(limit, MAX_LIMIT);
        KeysetCursor after = cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor);
        List<DeliveryAttempt> rows = sql.run("read the webhook delivery log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + LOGGED + " FROM webhook_deliveries WHERE webhook_id = ?"
                    + (after == null ? "" : " AND (created_at, id) < (?, ?)") + " ORDER BY created_at DESC, id DESC LIMIT ?")) {
                int i = 1;
                ps.setString(i++, webhookId);
                if (after != null) {
                    ps.setLong(i++, after.createdAt());
                    ps.setString(i++, after.id());
                }
                ps.setInt(i, size + 1);
                List<DeliveryAttempt> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(attempt(rs));
                    }
                }
                return out;
            }
        });
        if (rows.size() <= size) {
            return new Page(List.copyOf(rows), null);
        }
        DeliveryAttempt last = rows.get(size - 1);
        return new Page(List.copyOf(rows.subList(0, size)), new KeysetCursor(last.createdAt().toEpochMilli(), last.id()).encode());
    }

    private static DeliveryAttempt attempt(ResultSet rs) throws SQLException {
        int status = rs.getInt("status_code");
        Integer statusCode = rs.wasNull() ? null : status;
        return new DeliveryAttempt(rs.getString("id"), rs.getString("delivery_id"), rs.getString("webhook_id"), rs.getString("event_id"),
                rs.getString("event_type"), rs.getInt("attempt"), statusCode, rs.getString("error"), rs.getString("outcome"),
                Columns.instant(rs, "created_at"), Columns.optionalInstant(rs, "next_retry_at").orElse(null));
    }
}
