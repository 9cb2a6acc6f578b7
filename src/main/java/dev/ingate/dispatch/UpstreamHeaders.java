package dev.ingate.dispatch;

import dev.ingate.keys.GatewayKey;
import dev.ingate.pipeline.Exchange;
import dev.ingate.provider.AuthMode;
import dev.ingate.provider.Provider;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers an upstream receives: the caller's, minus hop-by-hop, Ingate's own and the gateway key's
 * carrier; in {@code api_key} mode minus every provider credential and plus the provider's key; plus the
 * provider's configured headers.
 */
final class UpstreamHeaders {

    /** Headers through which callers send provider credentials; dropped when Ingate injects its own key. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "x-api-key", "api-key", "x-goog-api-key");
    private static final String ANTHROPIC_VERSION = "anthropic-version";
    private static final String DEFAULT_ANTHROPIC_VERSION = "2023-06-01";

    private UpstreamHeaders() {
    }

    /**
     * @param translated the body is in another shape than the caller's: the caller's content negotiation and its
     *                   vendor's own headers ({@code anthropic-beta}, {@code openai-organization}…) mean nothing
     *                   there, and the answer must come uncompressed to be translated
     */
    static MultiMap build(Exchange ex, Provider provider, int bodyLength, boolean translated) {
        MultiMap in = ex.request().headers();
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        Set<String> connectionListed = HopByHop.listedInConnection(in);
        String carrier = ex.keyCarrierHeader();
        boolean injectKey = provider.authMode() == AuthMode.API_KEY;
        String providerAuthHeader = provider.authHeader().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> header : in) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (HopByHop.isHopByHop(name) || connectionListed.contains(name) || name.equals(carrier)
                    || name.startsWith("x-ingate-") || name.equals("host") || name.equals("content-length") || name.equals("expect")) {
                continue;
            }
            if (injectKey && (CREDENTIALS.contains(name) || name.equals(providerAuthHeader))) {
                continue;
            }
            if (isGatewayKeyValue(name, header.getValue())) {
                continue;
            }
            if (translated && (name.equals("accept-encoding") || name.equals("accept") || isOtherVendors(name, provider))) {
                continue;
            }
            out.add(header.getKey(), header.getValue());
        }
        provider.headers().forEach(out::set);
        if (injectKey) {
            provider.authValue().ifPresent(value -> out.set(provider.authHeader(), value));
        }
        if (provider.isAnthropicShaped() && !out.contains(ANTHROPIC_VERSION)) {
            out.set(ANTHROPIC_VERSION, DEFAULT_ANTHROPIC_VERSION);
        }
        if (translated) {
            out.set(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        if (bodyLength > 0 || in.contains(HttpHeaders.CONTENT_LENGTH) || in.contains(HttpHeaders.TRANSFER_ENCODING)) {
            out.set(HttpHeaders.CONTENT_LENGTH, String.valueOf(bodyLength));
        }
        return out;
    }

    private static boolean isOtherVendors(String name, Provider provider) {
        return name.startsWith("anthropic-") && !provider.isAnthropicShaped()
                || name.startsWith("openai-") && provider.shape() != dev.ingate.provider.ApiShape.OPENAI;
    }

    /** A gateway key never leaves, even from a header that did not authenticate this call. */
    private static boolean isGatewayKeyValue(String name, String value) {
        return (name.equals("authorization") || name.equals("x-api-key")) && value.contains(GatewayKey.SECRET_PREFIX);
    }
}
