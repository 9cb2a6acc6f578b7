package dev.ingate.config;

import dev.ingate.config.YamlNodes.Entry;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code cache:} section: {@code { enabled, ttl, max_size, max_entry_size, scope: key | global }}. */
final class CacheParser {

    static final List<String> CACHE_KEYS = List.of("enabled", "ttl", "max_size", "max_entry_size", "scope");

    private final YamlNodes y;

    CacheParser(YamlNodes y) {
        this.y = y;
    }

    CacheSettings cache(Node node) {
        Map<String, Entry> f = y.fields(node, "cache", CACHE_KEYS);
        CacheSettings d = CacheSettings.defaults();
        Duration ttl = y.optDuration(f.get("ttl"), "cache.ttl").orElse(d.ttl());
        if (ttl.isZero()) {
            throw y.error(f.get("ttl").value(), "cache.ttl", "must be longer than 0");
        }
        long maxSize = y.optSize(f.get("max_size"), "cache.max_size").orElse(d.maxSizeBytes());
        long maxEntry = y.optSize(f.get("max_entry_size"), "cache.max_entry_size").orElse(Math.min(d.maxEntryBytes(), maxSize));
        // an entry is held as one byte array: 2 GB is Java's limit, and no answer worth caching comes near it
        if (maxEntry > Integer.MAX_VALUE - 1024) {
            throw y.error(f.get("max_entry_size").value(), "cache.max_entry_size", "at most 2GB");
        }
        boolean shared = false;
        if (f.get("scope") != null) {
            String scope = y.optString(f.get("scope"), "cache.scope").orElse("key").strip().toLowerCase(Locale.ROOT);
            shared = switch (scope) {
                case "key" -> false;
                case "global" -> true;
                default -> throw y.error(f.get("scope").value(), "cache.scope", "expected key or global, got \"" + scope + "\"");
            };
        }
        return new CacheSettings(y.optBoolean(f.get("enabled"), "cache.enabled").orElse(d.enabled()), ttl, maxSize, maxEntry, shared);
    }
}
