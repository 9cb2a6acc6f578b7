package dev.ingate.cache;

import dev.ingate.pipeline.BodyTree;
import tools.jackson.databind.JsonNode;

/**
 * The key an answer is stored under: SHA-256 over who may read it (the gateway key, or everyone with
 * {@code scope: global}), where the request goes (the caller's path and query, the provider and the model it
 * resolved to) and the body in {@link CanonicalJson canonical form}. Ingate's headers are not part of it.
 */
final class CacheKey {

    /**
     * Where the request goes and who asks, all but the body.
     *
     * @param reader   the gateway key (its hash), or {@code *} when the cache is shared by every key
     * @param path     the caller's path and the query parameters that shape the answer (Gemini's {@code alt=sse})
     * @param provider the provider the request resolved to (a route's name for a routed model)
     * @param model    the model asked of it
     */
    record Target(String reader, String path, String provider, String model) {
    }

    private CacheKey() {
    }

    /** The key as hex, or null when the body is not JSON (such a request is not cached). */
    static String of(Target target, byte[] body) {
        return of(target, BodyTree.parse(body));
    }

    /** The key of a body already parsed ({@link BodyTree}: floats as BigDecimal), or null for no tree. */
    static String of(Target target, JsonNode tree) {
        if (tree == null) {
            return null;
        }
        DigestSink sink = DigestSink.get();
        CanonicalJson.string("ingate-cache-1", sink);
        CanonicalJson.string(target.reader(), sink);
        CanonicalJson.string(target.path(), sink);
        CanonicalJson.string(target.provider(), sink);
        CanonicalJson.string(target.model() == null ? "" : target.model(), sink);
        CanonicalJson.digestRequest(tree, sink);
        return sink.hex();
    }
}
