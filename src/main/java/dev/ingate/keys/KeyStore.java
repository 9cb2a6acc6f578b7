package dev.ingate.keys;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gateway keys, persisted as hashes. Blocking: never call on an event loop. */
public interface KeyStore {

    List<StoredKey> list();

    Optional<StoredKey> get(String id);

    void insert(StoredKey key);

    /** Replaces the mutable fields (name, scope, expiry, enabled, limits and budget) of an existing key; false if absent. */
    boolean update(StoredKey key);

    /**
     * Replaces everything but the id, creation and last-use times, the secret's hash and prefix and the origin
     * included: a config-file key whose entry changed (a rotated secret) stays the same key. False if absent.
     */
    boolean replace(StoredKey key);

    /** Deletes the key; false if absent. */
    boolean delete(String id);

    /** Records last-used times in one batch (id to time); unknown ids are ignored. */
    void touch(Map<String, Instant> lastUsed);
}
