package dev.ingate.dispatch;

import dev.ingate.pipeline.AttributeKey;
import dev.ingate.provider.Provider;
import io.vertx.core.buffer.Buffer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Provider-specific parameters a client sends along for whichever provider ends up serving it:
 * {@code "ingate":{"ext":{"anthropic":{"top_k":5}}}} or, flat, {@code "ingate.ext.anthropic.top_k":5}. The entry
 * for the serving provider's name, else for its type, is merged into the top level of what that provider
 * receives; the rest never leaves Ingate (no upstream knows the {@code ingate} field, and most would refuse it).
 */
public final class ProviderExtras {

    /** Set by the body inspection when the top level has an {@code ingate} field: only then is the body touched. */
    public static final AttributeKey<Boolean> PRESENT = new AttributeKey<>("provider-extras");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FIELD = "ingate";
    private static final String FLAT_PREFIX = "ingate.ext.";

    private ProviderExtras() {
    }

    /** Whether a top-level field name is one of ours. */
    public static boolean isExtrasField(String name) {
        return name.equals(FIELD) || name.startsWith(FLAT_PREFIX);
    }

    /** A same-shape body without Ingate's fields, and with the target's extras merged in. */
    static Buffer forTarget(Buffer body, Provider provider) {
        if (!(JSON.readTree(body.getBytes()) instanceof ObjectNode root)) {
            return body;
        }
        ObjectNode extras = extrasFor(root, provider);
        root.properties().removeIf(field -> isExtrasField(field.getKey()));
        root.setAll(extras);
        return Buffer.buffer(JSON.writeValueAsBytes(root));
    }

    /** A translated body with the target's extras, taken from the caller's original body, merged in. */
    static Buffer mergeInto(Buffer encoded, Buffer original, Provider provider) {
        if (!(JSON.readTree(original.getBytes()) instanceof ObjectNode source)
                || !(JSON.readTree(encoded.getBytes()) instanceof ObjectNode target)) {
            return encoded;
        }
        target.setAll(extrasFor(source, provider));
        return Buffer.buffer(JSON.writeValueAsBytes(target));
    }

    /** The extras meant for this provider: those under its type, overridden by those under its own name. */
    static ObjectNode extrasFor(ObjectNode root, Provider provider) {
        ObjectNode byName = JSON.createObjectNode();
        ObjectNode byType = JSON.createObjectNode();
        JsonNode nested = root.get(FIELD);
        if (nested != null) {
            collect(nested.path("ext").path(provider.name()), byName);
            collect(nested.path("ext").path(provider.shape().configName()), byType);
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getKey().startsWith(FLAT_PREFIX)) {
                continue;
            }
            String rest = field.getKey().substring(FLAT_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot > 0) {
                String target = rest.substring(0, dot);
                if (target.equals(provider.name())) {
                    byName.set(rest.substring(dot + 1), field.getValue());
                } else if (target.equals(provider.shape().configName())) {
                    byType.set(rest.substring(dot + 1), field.getValue());
                }
            }
        }
        return byType.setAll(byName);
    }

    private static void collect(JsonNode extras, ObjectNode into) {
        if (extras instanceof ObjectNode object) {
            into.setAll(object);
        }
    }
}
