package dev.ingate.provider;

import dev.ingate.config.IngateConfig;
import dev.ingate.config.IngateConfig.ProviderEntry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the provider table: the built-in providers with their defaults, overlaid by the config file. */
public final class ProviderCatalog {

    private record Builtin(ApiShape shape, String baseUrl, String keyEnv) {
    }

    private static final Map<String, Builtin> BUILTINS = Map.of(
            "openai", new Builtin(ApiShape.OPENAI, "https://api.openai.com", "OPENAI_API_KEY"),
            "anthropic", new Builtin(ApiShape.ANTHROPIC, "https://api.anthropic.com", "ANTHROPIC_API_KEY"),
            "ollama", new Builtin(ApiShape.OLLAMA, "http://localhost:11434", null));

    private ProviderCatalog() {
    }

    public static boolean isBuiltin(String name) {
        return BUILTINS.containsKey(name);
    }

    public static Map<String, Provider> build(IngateConfig config, Map<String, String> env) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        for (String name : new String[]{"openai", "anthropic", "ollama"}) {
            ProviderEntry entry = config.providers().get(name);
            providers.put(name, build(name, entry == null ? emptyEntry() : entry, env));
        }
        config.providers().forEach((name, entry) -> providers.putIfAbsent(name, build(name, entry, env)));
        return Collections.unmodifiableMap(providers);
    }

    public static Provider build(String name, ProviderEntry entry, Map<String, String> env) {
        Builtin builtin = BUILTINS.get(name);
        ApiShape shape = entry.type().map(ApiShape::parse)
                .orElse(builtin != null ? builtin.shape() : ApiShape.OPENAI);
        String baseUrl = entry.baseUrl().orElseGet(() -> {
            if (builtin == null) {
                throw new IllegalArgumentException("provider " + name + " needs a base_url");
            }
            return builtin.baseUrl();
        });
        Optional<String> apiKey = entry.apiKey().filter(k -> !k.isEmpty());
        if (apiKey.isEmpty() && builtin != null && builtin.keyEnv() != null) {
            apiKey = Optional.ofNullable(env.get(builtin.keyEnv())).filter(k -> !k.isBlank());
        }
        return new Provider(
                name,
                shape,
                UpstreamAddress.parse(baseUrl),
                apiKey,
                entry.authHeader().orElse(defaultAuthHeader(shape)),
                entry.authScheme().orElse(defaultAuthScheme(shape)),
                entry.pathPrefix().orElse(""),
                encodeQuery(entry.queryParams()),
                entry.headers(),
                entry.authMode().map(AuthMode::parse).orElse(AuthMode.API_KEY),
                entry.enabled().orElse(true));
    }

    /** Each shape's native way of carrying a key, so a custom Anthropic or Gemini provider works without settings. */
    static String defaultAuthHeader(ApiShape shape) {
        return switch (shape) {
            case ANTHROPIC -> "x-api-key";
            case GEMINI -> "x-goog-api-key";
            default -> "Authorization";
        };
    }

    static String defaultAuthScheme(ApiShape shape) {
        return switch (shape) {
            case ANTHROPIC, GEMINI -> "";
            default -> "Bearer";
        };
    }

    private static String encodeQuery(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static ProviderEntry emptyEntry() {
        return new ProviderEntry(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.empty());
    }
}
