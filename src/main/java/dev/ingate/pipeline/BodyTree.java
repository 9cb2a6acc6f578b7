package dev.ingate.pipeline;

import io.vertx.core.buffer.Buffer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request body as a JSON tree, parsed at most once per body: the token estimate of the limits and budgets and
 * the response cache's key both read it. A body replaced later (a guardrail's redaction) is parsed anew. Readers
 * must not change the tree. Event loop only: bodies large enough to be parsed on a worker are parsed there, apart.
 */
public final class BodyTree {

    /** Floats as BigDecimal, so 0.1 stays 0.1 (the cache key compares numbers by value). */
    private static final JsonMapper JSON = JsonMapper.builder(LoopJson.factory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private record Parsed(Buffer body, JsonNode tree) {
    }

    private static final AttributeKey<Parsed> PARSED = new AttributeKey<>("body-tree");

    private BodyTree() {
    }

    /** The tree of the exchange's current body, or null when it is not JSON. */
    public static JsonNode of(Exchange ex) {
        Buffer body = ex.body();
        Parsed known = ex.attribute(PARSED);
        if (known != null && known.body() == body) {
            return known.tree();
        }
        JsonNode tree = body == null ? null : parse(body.getBytes());
        ex.attribute(PARSED, new Parsed(body, tree));
        return tree;
    }

    /** The tree of {@code bytes}, or null when they are not one JSON value. Any thread. */
    public static JsonNode parse(byte[] bytes) {
        try {
            JsonNode tree = JSON.readTree(bytes);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (JacksonException e) {
            return null;
        }
    }
}
