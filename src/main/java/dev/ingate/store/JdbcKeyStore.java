package dev.ingate.store;

import dev.ingate.config.BudgetPeriod;
import dev.ingate.config.Origin;
import dev.ingate.config.KeyLimits;
import dev.ingate.keys.KeyStore;
import dev.ingate.keys.StoredKey;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link KeyStore} over the gateway_keys table. Thread-safe: state lives in the database. */
public final class JdbcKeyStore implements KeyStore {

    private static final String COLUMNS =
            "id, name, prefix, sha256, providers, models, expires_at, enabled, origin, created_at, last_used_at, "
            + "rpm, tpm, budget_nanos, budget_period";

    private final Sql sql;

    public JdbcKeyStore(Database database) {
        this.sql = new Sql(database.dataSource());
    }

    @Override
    public List<StoredKey> list() {
        return sql.run("list keys", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM gateway_keys ORDER BY created_at, id");
                 ResultSet rs = ps.executeQuery()) {
                List<StoredKey> keys = new ArrayList<>();
                while (rs.next()) {
                    keys.add(key(rs));
                }
                return List.copyOf(keys);
            }
        });
    }

    @Override
    public Optional<StoredKey> get(String id) {
        return sql.run("get key " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM gateway_keys WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(key(rs)) : Optional.empty();
                }
            }
        });
    }

    /** @throws DuplicateException when the id or the secret's hash is already stored */
    @Override
    public void insert(StoredKey key) {
        sql.run("insert key " + key.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO gateway_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, key.id());
                ps.setString(2, key.name());
                ps.setString(3, key.prefix());
                ps.setString(4, Columns.hex(key.sha256()));
                ps.setString(5, JsonColumns.stringList(key.providers()));
                ps.setString(6, JsonColumns.stringList(key.models()));
                Columns.setNullableLong(ps, 7, key.expiresAt());
                ps.setInt(8, key.enabled() ? 1 : 0);
                ps.setString(9, key.origin().wireName());
                ps.setLong(10, key.createdAt().toEpochMilli());
                Columns.setNullableLong(ps, 11, key.lastUsedAt());
                setLimits(ps, 12, key.limits());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean update(StoredKey key) {
        return update(key, false);
    }

    @Override
    public boolean replace(StoredKey key) {
        return update(key, true);
    }

    /** The mutable fields, and with {@code secretAndOrigin} the secret's prefix and hash and the origin as well. */
    private boolean update(StoredKey key, boolean secretAndOrigin) {
        return sql.run((secretAndOrigin ? "replace key " : "update key ") + key.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE gateway_keys SET name = ?, providers = ?, models = ?, expires_at = ?, enabled = ?, "
                            + "rpm = ?, tpm = ?, budget_nanos = ?, budget_period = ?"
                            + (secretAndOrigin ? ", prefix = ?, sha256 = ?, origin = ?" : "") + " WHERE id = ?")) {
                ps.setString(1, key.name());
                ps.setString(2, JsonColumns.stringList(key.providers()));
                ps.setString(3, JsonColumns.stringList(key.models()));
                Columns.setNullableLong(ps, 4, key.expiresAt());
                ps.setInt(5, key.enabled() ? 1 : 0);
                setLimits(ps, 6, key.limits());
                int next = 10;
                if (secretAndOrigin) {
                    ps.setString(next++, key.prefix());
                    ps.setString(next++, Columns.hex(key.sha256()));
                    ps.setString(next++, key.origin().wireName());
                }
                ps.setString(next, key.id());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean delete(String id) {
        return sql.run("delete key " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM gateway_keys WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * One batched UPDATE in one transaction. A time only moves forward: instances flushing their batches in any
     * order cannot turn a key's last use back.
     */
    @Override
    public void touch(Map<String, Instant> lastUsed) {
        if (lastUsed.isEmpty()) {
            return;
        }
        sql.transaction("record key use", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE gateway_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
                for (Map.Entry<String, Instant> e : lastUsed.entrySet()) {
                    long millis = e.getValue().toEpochMilli();
                    ps.setLong(1, millis);
                    ps.setString(2, e.getKey());
                    ps.setLong(3, millis);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static StoredKey key(ResultSet rs) throws SQLException {
        return new StoredKey(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("prefix"),
                Columns.fromHex(rs.getString("sha256")),
                JsonColumns.stringList(rs.getString("providers")),
                JsonColumns.stringList(rs.getString("models")),
                Columns.optionalInstant(rs, "expires_at"),
                rs.getInt("enabled") != 0,
                Origin.valueOf(rs.getString("origin").toUpperCase(Locale.ROOT)),
                Columns.instant(rs, "created_at"),
                Columns.optionalInstant(rs, "last_used_at"),
                limits(rs));
    }

    /** rpm, tpm, budget_nanos, budget_period from {@code first} on. */
    private static void setLimits(PreparedStatement ps, int first, KeyLimits limits) throws SQLException {
        ps.setLong(first, limits.rpm());
        ps.setLong(first + 1, limits.tpm());
        if (limits.budgetUsd().isPresent()) {
            ps.setLong(first + 2, limits.budgetNanos());
        } else {
            ps.setNull(first + 2, java.sql.Types.BIGINT);
        }
        ps.setString(first + 3, limits.budgetPeriod().wireName());
    }

    private static KeyLimits limits(ResultSet rs) throws SQLException {
        long budget = rs.getLong("budget_nanos");
        Optional<BigDecimal> usd = rs.wasNull() ? Optional.empty() : Optional.of(KeyLimits.fromNanos(budget));
        return new KeyLimits(rs.getLong("rpm"), rs.getLong("tpm"), usd,
                BudgetPeriod.parse(rs.getString("budget_period")).orElse(BudgetPeriod.MONTH));
    }
}
