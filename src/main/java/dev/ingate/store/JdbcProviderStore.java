package dev.ingate.store;

import dev.ingate.config.IngateConfig.FallbackEntry;
import dev.ingate.config.Origin;
import dev.ingate.provider.ProviderStore;
import dev.ingate.provider.StoredProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@link ProviderStore} over the providers, settings and fallbacks tables. Thread-safe: state lives in the DB. */
public final class JdbcProviderStore implements ProviderStore {

    private static final String COLUMNS = "name, settings, sealed_api_key, origin, file_hash, updated_at";
    private static final String DEFAULT_PROVIDER = "default_provider";

    private final Sql sql;
    private final Dialect dialect;

    public JdbcProviderStore(Database database) {
        this.sql = new Sql(database.dataSource());
        this.dialect = database.dialect();
    }

    @Override
    public List<StoredProvider> list() {
        return sql.run("list providers", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM providers ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                List<StoredProvider> providers = new ArrayList<>();
                while (rs.next()) {
                    providers.add(provider(rs));
                }
                return List.copyOf(providers);
            }
        });
    }

    @Override
    public Optional<StoredProvider> get(String name) {
        return sql.run("get provider " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM providers WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(provider(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(StoredProvider provider) {
        if (provider.settings().apiKey().isPresent()) {
            // a clear-text key must never reach the database: the caller seals it into sealedApiKey
            throw new IllegalArgumentException("provider " + provider.name() + ": settings.apiKey must be empty; store it sealed");
        }
        sql.run("put provider " + provider.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO providers (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET settings = excluded.settings, sealed_api_key = excluded.sealed_api_key,"
                    + " origin = excluded.origin, file_hash = excluded.file_hash, updated_at = excluded.updated_at")) {
                ps.setString(1, provider.name());
                ps.setString(2, JsonColumns.providerSettings(provider.settings()));
                Columns.setNullableText(ps, 3, provider.sealedApiKey().map(Columns::base64).orElse(null));
                ps.setString(4, provider.origin().wireName());
                Columns.setNullableText(ps, 5, provider.fileHash());
                ps.setLong(6, provider.updatedAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean delete(String name) {
        return sql.transaction("delete provider " + name, c -> {
            if (update(c, "DELETE FROM providers WHERE name = ?", name) == 0) {
                return false;   // absent: leave chains that may belong to a built-in of that name alone
            }
            update(c, "DELETE FROM fallbacks WHERE primary_provider = ?", name);
            update(c, "DELETE FROM fallbacks WHERE provider = ?", name);   // order of the rest is kept: gaps are fine
            return true;
        });
    }

    @Override
    public Optional<String> defaultProvider() {
        return setting(DEFAULT_PROVIDER);
    }

    @Override
    public void setDefaultProvider(Optional<String> name) {
        setSetting(DEFAULT_PROVIDER, name);
    }

    @Override
    public Optional<String> setting(String key) {
        return sql.run("read setting " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void setSetting(String key, Optional<String> value) {
        sql.run("set setting " + key, c -> {
            if (value.isEmpty()) {
                return update(c, "DELETE FROM settings WHERE name = ?", key);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value.get());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Map<String, List<FallbackEntry>> fallbacks() {
        return sql.run("list fallbacks", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT primary_provider, provider, model FROM fallbacks ORDER BY primary_provider, ordinal");
                 ResultSet rs = ps.executeQuery()) {
                Map<String, List<FallbackEntry>> chains = new LinkedHashMap<>();
                while (rs.next()) {
                    chains.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new FallbackEntry(rs.getString(2), Optional.ofNullable(rs.getString(3))));
                }
                Map<String, List<FallbackEntry>> copy = new LinkedHashMap<>();
                chains.forEach((primary, chain) -> copy.put(primary, List.copyOf(chain)));
                return Collections.unmodifiableMap(copy);
            }
        });
    }

    @Override
    public void setFallbacks(String primary, List<FallbackEntry> chain) {
        sql.transaction("set fallbacks of " + primary, c -> {
            update(c, "DELETE FROM fallbacks WHERE primary_provider = ?", primary);
            if (chain.isEmpty()) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO fallbacks (primary_provider, ordinal, provider, model) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < chain.size(); i++) {
                    FallbackEntry entry = chain.get(i);
                    ps.setString(1, primary);
                    ps.setInt(2, i);
                    ps.setString(3, entry.provider());
                    Columns.setNullableText(ps, 4, entry.model().orElse(null));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void resealAll(UnaryOperator<SealedSecret> reseal) {
        // PostgreSQL: lock the rows so a concurrent put cannot slip in between read and write (and be overwritten
        // with a stale key); SQLite has no FOR UPDATE and needs none: the transaction holds the write lock.
        String select = "SELECT name, sealed_api_key FROM providers WHERE sealed_api_key IS NOT NULL ORDER BY name"
                + (dialect == Dialect.POSTGRES ? " FOR UPDATE" : "");
        sql.transaction("reseal provider keys", c -> {
            Map<String, byte[]> resealed = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(select); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    byte[] sealed = Columns.optionalBase64(rs, "sealed_api_key").orElseThrow();
                    // throws out of the transaction, which rolls back: all rows or none
                    SealedSecret result = reseal.apply(new SealedSecret(name, sealed));
                    if (result == null || result.sealed() == null) {
                        throw new IllegalStateException("reseal returned nothing for provider " + name);
                    }
                    resealed.put(name, result.sealed());
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE providers SET sealed_api_key = ? WHERE name = ?")) {
                for (Map.Entry<String, byte[]> e : resealed.entrySet()) {
                    ps.setString(1, Columns.base64(e.getValue()));
                    ps.setString(2, e.getKey());
                    ps.addBatch();
                }
                if (!resealed.isEmpty()) {
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    private static StoredProvider provider(ResultSet rs) throws SQLException {
        return new StoredProvider(
                rs.getString("name"),
                JsonColumns.providerSettings(rs.getString("settings")),
                Columns.optionalBase64(rs, "sealed_api_key"),
                Origin.valueOf(rs.getString("origin").toUpperCase(Locale.ROOT)),
                rs.getString("file_hash"),
                Columns.instant(rs, "updated_at"));
    }

    private static int update(Connection c, String statement, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setString(1, parameter);
            return ps.executeUpdate();
        }
    }
}
