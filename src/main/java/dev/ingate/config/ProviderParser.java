package dev.ingate.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.Node;

import dev.ingate.config.IngateConfig.ProviderEntry;
import dev.ingate.config.YamlNodes.Entry;
import dev.ingate.config.YamlNodes.Scalar;

/** The {@code providers:} section. */
final class ProviderParser {

    static final List<String> KEYS = List.of("type", "base_url", "api_key", "auth_header", "auth_scheme",
            "path_prefix", "query_params", "headers", "auth_mode", "enabled");

    private final YamlNodes y;

    ProviderParser(YamlNodes y) {
        this.y = y;
    }

    Map<String, ProviderEntry> parse(Node node) {
        Map<String, ProviderEntry> out = new LinkedHashMap<>();
        for (Entry e : y.mapping(node, "providers")) {
            String path = "providers." + e.key();
            ProviderRules.nameProblem(e.key()).ifPresent(p -> {
                throw y.error(e.keyNode(), path, p);
            });
            ProviderEntry entry = entry(e.value(), path);
            if (entry.baseUrl().isEmpty() && !ProviderRules.isBuiltIn(e.key())) {
                throw y.error(e.keyNode(), path, "base_url is required for a provider that is not built in ("
                        + String.join(", ", ProviderRules.BUILT_IN) + ")");
            }
            out.put(e.key(), entry);
        }
        return Collections.unmodifiableMap(out);
    }

    private ProviderEntry entry(Node node, String path) {
        Map<String, Entry> f = y.fields(node, path, KEYS);
        Optional<String> type = oneOf(f.get("type"), path + ".type", ProviderRules.TYPES);
        Optional<String> baseUrl = y.optString(f.get("base_url"), path + ".base_url").map(url -> {
            ProviderRules.baseUrlProblem(url).ifPresent(p -> {
                throw y.error(f.get("base_url").value(), path + ".base_url", p);
            });
            return ProviderRules.normalizeBaseUrl(url);
        });
        Optional<String> apiKey = y.optString(f.get("api_key"), path + ".api_key");
        apiKey.ifPresent(k -> ProviderRules.headerValueProblem(k).ifPresent(p -> {
            throw y.error(f.get("api_key").value(), path + ".api_key", p);
        }));
        Optional<String> authHeader = y.optString(f.get("auth_header"), path + ".auth_header");
        authHeader.ifPresent(h -> requireToken(f.get("auth_header"), path + ".auth_header", h));
        Optional<String> pathPrefix = y.optString(f.get("path_prefix"), path + ".path_prefix").map(prefix -> {
            ProviderRules.pathPrefixProblem(prefix).ifPresent(p -> {
                throw y.error(f.get("path_prefix").value(), path + ".path_prefix", p);
            });
            return ProviderRules.normalizePathPrefix(prefix);
        });
        return new ProviderEntry(type, baseUrl, apiKey, authHeader,
                authScheme(f.get("auth_scheme"), path + ".auth_scheme"),
                pathPrefix,
                stringMap(f.get("query_params"), path + ".query_params", false),
                stringMap(f.get("headers"), path + ".headers", true),
                oneOf(f.get("auth_mode"), path + ".auth_mode", ProviderRules.AUTH_MODES),
                y.optBoolean(f.get("enabled"), path + ".enabled"));
    }

    /** Unlike other fields, a literal {@code auth_scheme: ""} is kept: it means "send the key with no prefix". */
    private Optional<String> authScheme(Entry e, String path) {
        if (e == null) {
            return Optional.empty();
        }
        Scalar s = y.scalar(e.value(), path);
        if (s.isNull()) {
            return Optional.empty();
        }
        if (s.raw().isEmpty()) {
            return Optional.of("");
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        requireToken(e, path, s.text());
        return Optional.of(s.text());
    }

    private Optional<String> oneOf(Entry e, String path, List<String> allowed) {
        return y.optString(e, path).map(v -> {
            if (!allowed.contains(v)) {
                throw y.error(e.value(), path, "unknown value \"" + v + "\" (expected one of: " + String.join(", ", allowed) + ")");
            }
            return v;
        });
    }

    private void requireToken(Entry e, String path, String value) {
        if (!ProviderRules.isToken(value)) {
            throw y.error(e.value(), path, "\"" + value + "\" is not a valid HTTP token (letters, digits and !#$%&'*+-.^_`|~)");
        }
    }

    /**
     * A string-to-string mapping. Entries whose value is empty (e.g. an unset env var) are left out, as
     * empty optional fields are elsewhere.
     */
    Map<String, String> stringMap(Entry e, String path, boolean headers) {
        if (e == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> lowerNames = new LinkedHashMap<>();
        for (Entry item : y.mapping(e.value(), path)) {
            String p = path + "." + item.key();
            if (item.key().isEmpty()) {
                throw y.error(item.keyNode(), path, "empty name");
            }
            if (headers) {
                if (!ProviderRules.isToken(item.key())) {
                    throw y.error(item.keyNode(), p, "not a valid HTTP header name");
                }
                String first = lowerNames.putIfAbsent(item.key().toLowerCase(Locale.ROOT), item.key());
                if (first != null) {
                    throw y.error(item.keyNode(), p, "duplicate header (header names ignore case; see " + first + ")");
                }
            }
            Scalar s = y.scalar(item.value(), p);
            if (headers) {
                ProviderRules.headerValueProblem(s.text()).ifPresent(problem -> {
                    throw y.error(s.node(), p, problem);
                });
            }
            if (!s.isEmpty()) {
                out.put(item.key(), s.text());
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
