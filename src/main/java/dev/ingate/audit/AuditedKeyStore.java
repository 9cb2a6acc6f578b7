package dev.ingate.audit;

import dev.ingate.events.GatewayEvents;
import dev.ingate.keys.KeyStore;
import dev.ingate.keys.StoredKey;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A {@link KeyStore} that records key creations, updates and revocations in the audit log, as {@code actor}, right
 * after each (see {@link AuditedProviderStore} for why not in the same transaction), and announces creations and
 * revocations to webhooks ({@code key.created}, {@code key.revoked}: the key's id, name and visible prefix, never its
 * secret), whoever makes them: the admin API, the config file, Ingate's first start. Last-use times are bookkeeping
 * of the request path, not admin changes.
 */
public final class AuditedKeyStore implements KeyStore {

    private final KeyStore store;
    private final AuditTrail audit;
    private final Actor actor;
    private final GatewayEvents events;

    public AuditedKeyStore(KeyStore store, AuditTrail audit, Actor actor, GatewayEvents events) {
        this.store = store;
        this.audit = audit;
        this.actor = actor;
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
        audit.record(actor, "key.create", key.id(), null, AuditViews.key(key));
        events.publish(GatewayEvents.KEY_CREATED, announced(key));
    }

    @Override
    public boolean update(StoredKey key) {
        return audited(key.id(), () -> store.update(key));
    }

    /** A rotated secret too is one {@code key.update}: the masked hash hides it, the new prefix tells it. */
    @Override
    public boolean replace(StoredKey key) {
        return audited(key.id(), () -> store.replace(key));
    }

    /** Both sides as stored: what a change did not touch shows as it is, not as the caller sent it. */
    private boolean audited(String id, BooleanSupplier change) {
        Optional<StoredKey> before = store.get(id);
        boolean changed = change.getAsBoolean();
        if (changed) {
            audit.record(actor, "key.update", id, before.map(AuditViews::key).orElse(null), store.get(id).map(AuditViews::key).orElse(null));
        }
        return changed;
    }

    @Override
    public boolean delete(String id) {
        Optional<StoredKey> before = store.get(id);
        boolean deleted = store.delete(id);
        if (deleted) {
            audit.record(actor, "key.revoke", id, before.map(AuditViews::key).orElse(null), null);
            before.ifPresent(key -> events.publish(GatewayEvents.KEY_REVOKED, announced(key)));
        }
        return deleted;
    }

    private static Map<String, Object> announced(StoredKey key) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", key.id());
        data.put("name", key.name());
        data.put("prefix", key.prefix());
        return data;
    }

    @Override
    public void touch(Map<String, Instant> lastUsed) {
        store.touch(lastUsed);
    }
}
