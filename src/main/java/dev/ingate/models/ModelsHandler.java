package dev.ingate.models;

import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.GatewayState;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}} in OpenAI's shape, answered by Ingate from what it can
 * serve. With {@code X-Ingate-Provider} the call is proxied instead, to see one provider's own list.
 */
public final class ModelsHandler implements Handler {

    public static final String PATH = "/v1/models";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PriceCatalog prices;
    private final Function<GatewayState, Collection<String>> aliases;

    public ModelsHandler(PriceCatalog prices, Function<GatewayState, Collection<String>> aliases) {
        this.prices = prices;
        this.aliases = aliases;
    }

    /** The routing rules' exact names (globs are patterns, not models one can ask for). */
    public static Collection<String> aliases(GatewayState state) {
        List<String> names = new java.util.ArrayList<>();
        for (dev.ingate.config.RouteRule rule : state.routes().rules()) {
            if (!rule.isGlob()) {
                names.add(rule.model());
            }
        }
        return names;
    }

    /** Whether Ingate answers this request itself rather than a provider. */
    public static boolean answers(Exchange ex) {
        String path = ex.request().path();
        return ex.request().method() == HttpMethod.GET && (path.equals(PATH) || path.startsWith(PATH + "/"))
                && ex.request().getHeader("x-ingate-provider") == null;
    }

    @Override
    public void handle(Exchange ex) {
        List<ModelList.Entry> models = ModelList.build(ex.state(), ex.key(), prices, aliases.apply(ex.state()));
        String path = ex.request().path();
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            ObjectNode list = JSON.createObjectNode().put("object", "list");
            ArrayNode data = list.putArray("data");
            models.forEach(model -> data.add(render(model)));
            ex.answerJson(200, Buffer.buffer(JSON.writeValueAsBytes(list)));
            return;
        }
        String id = java.net.URLDecoder.decode(path.substring(PATH.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
        for (ModelList.Entry model : models) {
            if (model.id().equals(id)) {
                ex.answerJson(200, Buffer.buffer(JSON.writeValueAsBytes(render(model))));
                return;
            }
        }
        ex.fail(new IngateError(IngateError.Kind.NOT_FOUND, "model_not_found", "The model '" + id + "' does not exist"));
    }

    private static ObjectNode render(ModelList.Entry model) {
        // "created" is required by the SDKs' model type; Ingate does not know when a provider released a model
        return JSON.createObjectNode().put("id", model.id()).put("object", "model").put("created", 0).put("owned_by", model.ownedBy());
    }
}
