package dev.ingate.audit;

import dev.ingate.config.IngateConfig.FallbackEntry;
import dev.ingate.provider.ProviderStore;
import dev.ingate.provider.StoredProvider;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@link ProviderStore} that records every change it passes on in the audit log, as {@code actor}: providers,
 * the default provider and fallback chains. The entry is written right after the change (the stores each use their
 * own connection, so one transaction cannot hold both); a failed audit write fails the call, so an unrecorded change
 * does not pass silently. The settings kept beside providers are the config applier's bookkeeping, not audited.
 */
public final class AuditedProviderStore implements ProviderStore {

    private final ProviderStore store;
    private final AuditTrail audit;
    private final Actor actor;

    public AuditedProviderStore(ProviderStore store, AuditTrail audit, Actor actor) {
        this.store = store;
        this.audit = audit;
        this.actor = actor;
    }

    @Override
    public List<StoredProvider> list() {
        return store.list();
    }

    @Override
    public Optional<StoredProvider> get(String name) {
        return store.get(name);
    }

    @Override
    public void put(StoredProvider provider) {
        Optional<StoredProvider> before = store.get(provider.name());
        store.put(provider);
        audit.record(actor, before.isPresent() ? "provider.update" : "provider.create", provider.name(),
                before.map(AuditViews::provider).orElse(null), AuditViews.provider(provider));
    }

    @Override
    public boolean delete(String name) {
        Optional<StoredProvider> before = store.get(name);
        boolean deleted = store.delete(name);
        if (deleted) {
            audit.record(actor, "provider.delete", name, before.map(AuditViews::provider).orElse(null), null);
        }
        return deleted;
    }

    @Override
    public Optional<String> defaultProvider() {
        return store.defaultProvider();
    }

    @Override
    public Optional<String> setting(String key) {
        return store.setting(key);
    }

    @Override
    public void setSetting(String key, Optional<String> value) {
        store.setSetting(key, value);
    }

    @Override
    public void setDefaultProvider(Optional<String> name) {
        Optional<String> before = store.defaultProvider();
        store.setDefaultProvider(name);
        audit.record(actor, "default_provider.update", name.orElse(null), AuditViews.defaultProvider(before), AuditViews.defaultProvider(name));
    }

    @Override
    public Map<String, List<FallbackEntry>> fallbacks() {
        return store.fallbacks();
    }

    @Override
    public void setFallbacks(String primary, List<FallbackEntry> chain) {
        List<FallbackEntry> before = store.fallbacks().get(primary);
        store.setFallbacks(primary, chain);
        audit.record(actor, "fallback.update", primary, AuditViews.chain(before), AuditViews.chain(chain));
    }

    @Override
    public void resealAll(UnaryOperator<SealedSecret> reseal) {
        store.resealAll(reseal);
    }
}
