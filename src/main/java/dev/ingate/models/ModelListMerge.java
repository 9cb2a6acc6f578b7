package dev.ingate.models;

import dev.ingate.keys.GatewayKey;
import dev.ingate.stream.WholeBodyRewriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The provider's own model list, as SPEC's path table sends {@code GET /v1/models} to it, with what else Ingate
 * can serve appended (routing aliases, other providers' models) and everything the caller's key may not use
 * left out. An answer that is not an OpenAI list passes as it came.
 */
final class ModelListMerge extends WholeBodyRewriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<ModelList.Entry> ingateModels;
    private final GatewayKey key;

    ModelListMerge(List<ModelList.Entry> ingateModels, GatewayKey key, HttpServerResponse client) {
        super(client);
        this.ingateModels = ingateModels;
        this.key = key;
    }

    @Override
    protected Buffer render(Buffer collected, boolean overflow, HttpServerResponse client) {
        JsonNode root;
        try {
            root = overflow ? null : JSON.readTree(collected.getBytes());
        } catch (JacksonException notJson) {
            return collected;
        }
        if (!(root instanceof ObjectNode list) || !(list.get("data") instanceof ArrayNode data)) {
            return collected;
        }
        ArrayNode kept = list.putArray("data");
        Set<String> seen = new HashSet<>();
        for (JsonNode model : data) {
            String id = model.path("id").asString("");
            if (key.allowsModel(id) && seen.add(id)) {
                kept.add(model);
            }
        }
        for (ModelList.Entry model : ingateModels) {
            if (seen.add(model.id())) {
                kept.add(ModelsHandler.render(model));
            }
        }
        return Buffer.buffer(JSON.writeValueAsBytes(list));
    }
}
