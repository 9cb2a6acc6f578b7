package dev.ingate.state;

import dev.ingate.config.IngateConfig.FallbackEntry;
import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.config.RouteRule;
import dev.ingate.config.RouteTarget;
import dev.ingate.keys.KeyHash;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Stable hashes of file entries, to tell whether the file changed an entity since it was last applied. */
final class FileHashes {

    static final ProviderEntry EMPTY_ENTRY = new ProviderEntry(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.empty());

    private FileHashes() {
    }

    /** Includes the API key's hash, so a rotated key in the file counts as a change. */
    static String of(ProviderEntry e) {
        String canonical = String.join("\u0000",
                e.type().orElse(""), e.baseUrl().orElse(""), e.apiKey().map(KeyHash::sha256Hex).orElse(""),
                e.authHeader().orElse("\u0001"), e.authScheme().orElse("\u0001"), e.pathPrefix().orElse("\u0001"),
                new TreeMap<>(e.queryParams()).toString(), new TreeMap<>(e.headers()).toString(),
                e.authMode().orElse(""), e.enabled().map(String::valueOf).orElse(""));
        return KeyHash.sha256Hex(canonical);
    }

    static String of(List<FallbackEntry> chain) {
        StringBuilder canonical = new StringBuilder();
        for (FallbackEntry entry : chain) {
            canonical.append(entry.provider()).append('\u0000').append(entry.model().orElse("")).append('\u0001');
        }
        return KeyHash.sha256Hex(canonical.toString());
    }

    /** The rule's content; its place in the file is not part of it (a moved rule is re-placed, not re-applied). */
    static String of(RouteRule rule) {
        StringBuilder canonical = new StringBuilder(rule.model()).append('\u0000').append(rule.strategy().configName()).append('\u0001');
        for (RouteTarget target : rule.targets()) {
            canonical.append(target.provider()).append('\u0000').append(target.model().orElse("\u0002")).append('\u0000')
                    .append(target.weight()).append('\u0001');
        }
        return KeyHash.sha256Hex(canonical.toString());
    }

    static ProviderEntry withoutKey(ProviderEntry e) {
        return new ProviderEntry(e.type(), e.baseUrl(), Optional.empty(), e.authHeader(), e.authScheme(), e.pathPrefix(),
                e.queryParams(), e.headers(), e.authMode(), e.enabled());
    }
}
