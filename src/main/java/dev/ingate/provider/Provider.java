package dev.ingate.provider;

import java.util.Map;
import java.util.Optional;

/**
 * A provider as data: where it lives and how to authenticate to it. Everything the hot path needs
 * (the upstream authority, the auth header value) is computed once here, not per request.
 */
public record Provider(
        String name,
        ApiShape shape,
        UpstreamAddress address,
        Optional<String> apiKey,
        String authHeader,
        String authScheme,
        String pathPrefix,
        String queryString,
        Map<String, String> headers,
        AuthMode authMode,
        boolean enabled) {

    /** {@code auth_header: auth_scheme key}, or empty when there is no key to inject. */
    public Optional<String> authValue() {
        return apiKey.map(key -> authScheme.isEmpty() ? key : authScheme + " " + key);
    }

    /**
     * SPEC section 3: base path + path prefix + request path, where a set prefix replaces the request
     * path's leading {@code /v1}; then the provider's query params, then the caller's query.
     */
    public String upstreamUri(String requestPath, String rawQuery) {
        String path = requestPath;
        if (!pathPrefix.isEmpty()) {
            path = pathPrefix + (path.equals("/v1") ? "" : path.startsWith("/v1/") ? path.substring(3) : path);
        }
        StringBuilder uri = new StringBuilder(address.basePath().length() + path.length() + 64)
                .append(address.basePath()).append(path);
        boolean hasProviderQuery = !queryString.isEmpty();
        boolean hasCallerQuery = rawQuery != null && !rawQuery.isEmpty();
        if (hasProviderQuery || hasCallerQuery) {
            uri.append('?');
            if (hasProviderQuery) {
                uri.append(queryString);
            }
            if (hasCallerQuery) {
                uri.append(hasProviderQuery ? "&" : "").append(rawQuery);
            }
        }
        return uri.toString();
    }

    public boolean isAnthropicShaped() {
        return shape == ApiShape.ANTHROPIC;
    }
}
