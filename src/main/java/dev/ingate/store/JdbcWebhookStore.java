package dev.ingate.store;

import dev.ingate.config.Origin;
import dev.ingate.webhook.Webhook;
import dev.ingate.webhook.WebhookStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link WebhookStore} over the webhooks table. Thread-safe: state lives in the database. */
public final class JdbcWebhookStore implements WebhookStore {

    private static final String COLUMNS = "id, url, events, sealed_secret, enabled, origin, file_hash, created_at, updated_at";

    private final Sql sql;

    public JdbcWebhookStore(Database database) {
        this.sql = new Sql(database.dataSource());
    }

    @Override
    public List<Webhook> list() {
        return sql.run("list webhooks", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks ORDER BY created_at, id");
                 ResultSet rs = ps.executeQuery()) {
                List<Webhook> hooks = new ArrayList<>();
                while (rs.next()) {
                    hooks.add(webhook(rs));
                }
                return List.copyOf(hooks);
            }
        });
    }

    @Override
    public Optional<Webhook> get(String id) {
        return sql.run("get webhook " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(webhook(rs)) : Optional.empty();
                }
            }
        });
    }

    /** @throws DuplicateException when the id is already stored */
    @Override
    public void insert(Webhook hook) {
        sql.run("insert webhook " + hook.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhooks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, hook.id());
                ps.setString(2, hook.url());
                ps.setString(3, JsonColumns.stringList(hook.events()));
                ps.setString(4, Columns.base64(hook.sealedSecret()));
                ps.setInt(5, hook.enabled() ? 1 : 0);
                ps.setString(6, hook.origin().wireName());
                Columns.setNullableText(ps, 7, hook.fileHash());
                ps.setLong(8, hook.createdAt().toEpochMilli());
                ps.setLong(9, hook.updatedAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean update(Webhook hook) {
        return sql.run("update webhook " + hook.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks SET url = ?, events = ?, sealed_secret = ?, enabled = ?, "
                    + "origin = ?, file_hash = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, hook.url());
                ps.setString(2, JsonColumns.stringList(hook.events()));
                ps.setString(3, Columns.base64(hook.sealedSecret()));
                ps.setInt(4, hook.enabled() ? 1 : 0);
                ps.setString(5, hook.origin().wireName());
                Columns.setNullableText(ps, 6, hook.fileHash());
                ps.setLong(7, hook.updatedAt().toEpochMilli());
                ps.setString(8, hook.id());
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The pending deliveries go in the same transaction: nothing is sent to a webhook once it is deleted. */
    @Override
    public boolean delete(String id) {
        return sql.transaction("delete webhook " + id, c -> {
            try (PreparedStatement pending = c.prepareStatement("DELETE FROM webhook_outbox WHERE webhook_id = ?");
                 PreparedStatement hook = c.prepareStatement("DELETE FROM webhooks WHERE id = ?")) {
                pending.setString(1, id);
                pending.executeUpdate();
                hook.setString(1, id);
                return hook.executeUpdate() > 0;
            }
        });
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        return new Webhook(rs.getString("id"), rs.getString("url"), JsonColumns.stringList(rs.getString("events")),
                Base64.getDecoder().decode(rs.getString("sealed_secret")), rs.getInt("enabled") != 0,
                Origin.valueOf(rs.getString("origin").toUpperCase(Locale.ROOT)), rs.getString("file_hash"),
                Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"));
    }
}
