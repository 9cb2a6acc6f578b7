package dev.ingate.keys;

import dev.ingate.events.GatewayEvents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link KeyStore} that publishes {@code key.created} and {@code key.revoked} for webhooks, whoever makes the
 * change: the admin API, the config file, or Ingate's first start. The events carry the key's id, name and visible
 * prefix, never its secret. An update (a rename, new limits, a rotated secret) is no event.
 */
public final class AnnouncedKeyStore implements KeyStore {

    private final KeyStore store;
    private final GatewayEvents events;

    public AnnouncedKeyStore(KeyStore store, GatewayEvents events) {
        this.store = store;
        this.events = events;
    }

    @Override
    public List<StoredKey> list() {
        return store.list();
    }

    @Override
    public Optional<StoredKey> get(String id) {
        return store.get(id);
    }

    @Override
    public void insert(StoredKey key) {
        store.insert(key);
        events.publish(GatewayEvents.KEY_CREATED, data(key));
    }

    @Override
    public boolean update(StoredKey key) {
        return store.update(key);
    }

    @Override
    public boolean replace(StoredKey key) {
        return store.replace(key);
    }

    @Override
    public boolean delete(String id) {
        Optional<StoredKey> before = store.get(id);
        boolean deleted = store.delete(id);
        if (deleted) {
            before.ifPresent(key -> events.publish(GatewayEvents.KEY_REVOKED, data(key)));
        }
        return deleted;
    }

    @Override
    public void touch(Map<String, Instant> lastUsed) {
        store.touch(lastUsed);
    }

    private static Map<String, Object> data(StoredKey key) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", key.id());
        data.put("name", key.name());
        data.put("prefix", key.prefix());
        return data;
    }
}
