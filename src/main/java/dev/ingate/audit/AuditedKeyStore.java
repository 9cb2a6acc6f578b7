package dev.ingate.audit;

import dev.ingate.keys.KeyStore;
import dev.ingate.keys.StoredKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link KeyStore} that records key creations, updates and revocations in the audit log, as {@code actor}, right
 * after each (see {@link AuditedProviderStore} for why not in the same transaction). Last-use times are bookkeeping
 * of the request path, not admin changes.
 */
public final class AuditedKeyStore implements KeyStore {

    private final KeyStore store;
    private final AuditTrail audit;
    private final Actor actor;

    public AuditedKeyStore(KeyStore store, AuditTrail audit, Actor actor) {
        this.store = store;
        this.audit = audit;
        this.actor = actor;
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
    }

    @Override
    public boolean update(StoredKey key) {
        Optional<StoredKey> before = store.get(key.id());
        boolean updated = store.update(key);
        if (updated) {
            audit.record(actor, "key.update", key.id(), before.map(AuditViews::key).orElse(null),
                    store.get(key.id()).map(AuditViews::key).orElse(null));
        }
        return updated;
    }

    @Override
    public boolean delete(String id) {
        Optional<StoredKey> before = store.get(id);
        boolean deleted = store.delete(id);
        if (deleted) {
            audit.record(actor, "key.revoke", id, before.map(AuditViews::key).orElse(null), null);
        }
        return deleted;
    }

    @Override
    public void touch(Map<String, Instant> lastUsed) {
        store.touch(lastUsed);
    }
}
