package dev.ingate.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a valid provider setting looks like, shared by the config loader and anyone else who accepts provider
 * settings (e.g. the admin API). The {@code ...Problem} methods return the reason a value is invalid, or empty.
 */
public final class ProviderRules {

    /** Providers that exist without being configured; their defaults live in the provider catalog. */
    public static final List<String> BUILT_IN = List.of("openai", "anthropic", "ollama");
    public static final List<String> TYPES = List.of("openai", "anthropic", "ollama", "gemini", "bedrock");
    public static final List<String> AUTH_MODES = List.of("api_key", "passthrough");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private ProviderRules() {
    }

    public static boolean isBuiltIn(String name) {
        return BUILT_IN.contains(name);
    }

    public static Optional<String> nameProblem(String name) {
        return NAME.matcher(name).matches() ? Optional.empty()
                : Optional.of("invalid provider name (use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit)");
    }

    /** An HTTP header name or auth scheme: an RFC 9110 token. */
    public static boolean isToken(String s) {
        return TOKEN.matcher(s).matches();
    }

    public static Optional<String> baseUrlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.of("must be an absolute http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("URL has no (valid) host");
        }
        if (uri.getRawQuery() != null) {
            return Optional.of("must not have a query string (use query_params)");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return Optional.empty();
    }

    /** Without trailing slashes, so base_url + path_prefix + path never doubles a slash. */
    public static String normalizeBaseUrl(String url) {
        return stripTrailingSlashes(url);
    }

    public static Optional<String> pathPrefixProblem(String prefix) {
        if (!prefix.startsWith("/")) {
            return Optional.of("must start with '/'");
        }
        if (prefix.chars().anyMatch(c -> c == '?' || c == '#' || c <= ' ' || c == 0x7f)) {
            return Optional.of("must be a plain path (no '?', '#', spaces or control characters; use query_params)");
        }
        return Optional.empty();
    }

    /** "/openai/deployments/x/" becomes "/openai/deployments/x"; "/" becomes "" (the request's /v1 is dropped). */
    public static String normalizePathPrefix(String prefix) {
        return stripTrailingSlashes(prefix);
    }

    /** Header values (including an injected API key) must not smuggle extra header lines. */
    public static Optional<String> headerValueProblem(String value) {
        return value.chars().anyMatch(c -> (c < ' ' && c != '\t') || c == 0x7f)
                ? Optional.of("contains a line break or control character")
                : Optional.empty();
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }
}
