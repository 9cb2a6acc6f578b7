package dev.ingate.state;

import dev.ingate.config.IngateConfig;
import dev.ingate.config.IngateConfig.FallbackEntry;
import dev.ingate.config.IngateConfig.KeyEntry;
import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.config.Origin;
import dev.ingate.config.ProviderRules;
import dev.ingate.config.RouteRule;
import dev.ingate.keys.KeyHash;
import dev.ingate.keys.KeyStore;
import dev.ingate.keys.StoredKey;
import dev.ingate.provider.ProviderStore;
import dev.ingate.provider.RouteStore;
import dev.ingate.provider.StoredProvider;
import dev.ingate.provider.StoredRoute;
import dev.ingate.secrets.SecretBox;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the config file into the stores at start, idempotently. Each file entity remembers a hash of
 * the file entry it came from: an unchanged entry leaves the stored entity alone, even if the admin API
 * changed it since; a changed entry wins; an entry gone from the file takes its entity with it (unless
 * the admin API has taken it over). The same file twice is no change.
 */
public final class ConfigApplier {

    static final String FILE_DEFAULT_MARKER = "file.default_provider";
    static final String FILE_CHAIN_MARKER = "file.fallbacks.";

    private final ProviderStore providers;
    private final RouteStore routes;
    private final KeyStore keys;
    private final SecretBox secrets;

    public ConfigApplier(ProviderStore providers, RouteStore routes, KeyStore keys, SecretBox secrets) {
        this.providers = providers;
        this.routes = routes;
        this.keys = keys;
        this.secrets = secrets;
    }

    /** @return whether anything was written */
    public boolean apply(IngateConfig config) {
        boolean changed = applyProviders(config);
        changed |= applyDefault(config.defaultProvider());
        changed |= applyChains(config.fallbacks());
        changed |= applyRoutes(config.routes());
        changed |= applyKeys(config.keys());
        return changed;
    }

    private boolean applyProviders(IngateConfig config) {
        Map<String, ProviderEntry> declared = new LinkedHashMap<>();
        for (String builtin : ProviderRules.BUILT_IN) {
            declared.put(builtin, FileHashes.EMPTY_ENTRY);
        }
        declared.putAll(config.providers());
        boolean changed = false;
        for (Map.Entry<String, ProviderEntry> entry : declared.entrySet()) {
            String name = entry.getKey();
            String hash = FileHashes.of(entry.getValue());
            Optional<StoredProvider> stored = providers.get(name);
            if (stored.isPresent() && hash.equals(stored.get().fileHash())) {
                continue;
            }
            ProviderEntry settings = entry.getValue();
            Optional<byte[]> sealed = settings.apiKey().filter(k -> !k.isEmpty()).map(k -> secrets.seal(k, name));
            providers.put(new StoredProvider(name, FileHashes.withoutKey(settings), sealed, Origin.FILE, hash, Instant.now()));
            changed = true;
        }
        for (StoredProvider stored : providers.list()) {
            if (stored.origin() == Origin.FILE && !declared.containsKey(stored.name())) {
                providers.delete(stored.name());
                changed = true;
            }
        }
        return changed;
    }

    private boolean applyDefault(Optional<String> fileDefault) {
        Optional<String> applied = providers.setting(FILE_DEFAULT_MARKER);
        if (fileDefault.equals(applied)) {
            return false;
        }
        providers.setSetting(FILE_DEFAULT_MARKER, fileDefault);
        if (fileDefault.isPresent()) {
            providers.setDefaultProvider(fileDefault);
        }
        return true;
    }

    private boolean applyChains(Map<String, List<FallbackEntry>> chains) {
        boolean changed = false;
        for (Map.Entry<String, List<FallbackEntry>> chain : chains.entrySet()) {
            String marker = FILE_CHAIN_MARKER + chain.getKey();
            Optional<String> hash = Optional.of(FileHashes.of(chain.getValue()));
            if (!hash.equals(providers.setting(marker))) {
                providers.setFallbacks(chain.getKey(), chain.getValue());
                providers.setSetting(marker, hash);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Rules follow the providers' way (per-rule file hashes). The file's rules also keep the file's order, which
     * decides which glob wins: a rule the admin API took over still sits where the file has it.
     */
    private boolean applyRoutes(List<RouteRule> fileRoutes) {
        boolean changed = false;
        Set<String> declared = fileRoutes.stream().map(RouteRule::model).collect(Collectors.toSet());
        for (int i = 0; i < fileRoutes.size(); i++) {
            RouteRule rule = fileRoutes.get(i);
            String hash = FileHashes.of(rule);
            Optional<StoredRoute> stored = routes.get(rule.model());
            if (stored.isPresent() && hash.equals(stored.get().fileHash())) {
                if (stored.get().position() != i) {
                    routes.put(stored.get().withPosition(i));
                    changed = true;
                }
                continue;
            }
            routes.put(new StoredRoute(rule, i, Origin.FILE, hash, Instant.now()));
            changed = true;
        }
        for (StoredRoute stored : routes.list()) {
            if (stored.origin() == Origin.FILE && !declared.contains(stored.model())) {
                routes.delete(stored.model());
                changed = true;
            }
        }
        return changed;
    }

    private boolean applyKeys(List<KeyEntry> fileKeys) {
        boolean changed = false;
        Set<String> declaredIds = fileKeys.stream().map(ConfigApplier::fileKeyId).collect(Collectors.toSet());
        for (KeyEntry entry : fileKeys) {
            String id = fileKeyId(entry);
            byte[] hash = KeyHash.sha256(entry.key());
            Optional<StoredKey> stored = keys.get(id);
            if (stored.isPresent() && Arrays.equals(stored.get().sha256(), hash) && stored.get().providers().equals(entry.providers())
                    && stored.get().models().equals(entry.models()) && stored.get().limits().equals(entry.limits())
                    && stored.get().origin() == Origin.FILE) {
                continue;
            }
            StoredKey key = new StoredKey(id, entry.name(), StoredKey.prefixOf(entry.key()), hash,
                    entry.providers(), entry.models(), Optional.empty(), true, Origin.FILE,
                    stored.map(StoredKey::createdAt).orElse(Instant.now()), stored.flatMap(StoredKey::lastUsedAt), entry.limits());
            if (stored.isPresent()) {
                keys.replace(key);   // the same named entry: one key changed (its secret maybe), not one revoked and another made
            } else {
                keys.insert(key);
            }
            changed = true;
        }
        for (StoredKey stored : keys.list()) {
            if (stored.origin() == Origin.FILE && !declaredIds.contains(stored.id())) {
                keys.delete(stored.id());
                changed = true;
            }
        }
        return changed;
    }

    static String fileKeyId(KeyEntry entry) {
        return "file-" + entry.name();
    }
}
