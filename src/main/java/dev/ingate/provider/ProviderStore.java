package dev.ingate.provider;

import dev.ingate.config.IngateConfig.FallbackEntry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Providers, the default provider and fallback chains, persisted. Blocking: never call on an event loop. */
public interface ProviderStore {

    List<StoredProvider> list();

    Optional<StoredProvider> get(String name);

    /** Inserts or replaces the provider of that name. */
    void put(StoredProvider provider);

    /** Removes the provider, its fallback chain and its appearances in other chains; false if absent. */
    boolean delete(String name);

    Optional<String> defaultProvider();

    /**
     * A small key/value setting kept beside the providers (added by the lead for the config applier's
     * markers, e.g. "file.default_provider"); stored in the same settings table as the default provider.
     */
    Optional<String> setting(String key);

    /** Sets or (with an empty value) removes a setting. */
    void setSetting(String key, Optional<String> value);

    void setDefaultProvider(Optional<String> name);

    /** Every chain, primary name to ordered entries. */
    Map<String, List<FallbackEntry>> fallbacks();

    /** Replaces a primary's chain; an empty list removes it. */
    void setFallbacks(String primary, List<FallbackEntry> chain);

    /** Re-seals every stored API key in one transaction (master key rotation); all or nothing. */
    void resealAll(UnaryOperator<SealedSecret> reseal);

    /** A sealed API key together with the provider it belongs to (the associated data). */
    record SealedSecret(String providerName, byte[] sealed) {
    }
}
