package dev.ingate.audit;

import dev.ingate.keys.KeyStore;
import dev.ingate.keys.StoredKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

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
        }
        return deleted;
    }

    @Override
    public void touch(Map<String, Instant> lastUsed) {
        store.touch(lastUsed);
    }
}
