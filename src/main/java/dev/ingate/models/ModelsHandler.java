package dev.ingate.models;

import dev.ingate.dispatch.AnswerRewrite;
import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.GatewayState;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.Interceptor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code GET /v1/models} goes to its provider as SPEC's path table says, and the answer gets what else Ingate can
 * serve appended ({@link ModelListMerge}): routing aliases and the other providers' models from the price
 * catalog, all limited by the caller's key. {@code GET /v1/models/{alias}} of a routing alias is answered here,
 * since no provider knows the alias.
 */
public final class ModelsHandler implements Interceptor {

    public static final String PATH = "/v1/models";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PriceCatalog prices;

    public ModelsHandler(PriceCatalog prices) {
        this.prices = prices;
    }

    @Override
    public void intercept(Exchange ex, Handler next) {
        if (ex.request().method() != HttpMethod.GET || !ex.request().path().startsWith(PATH)) {
            next.handle(ex);
            return;
        }
        String path = ex.request().path();
        if (path.equals(PATH)) {
            ex.attribute(AnswerRewrite.KEY, (status, contentType, client) ->
                    status == 200 && contentType != null && contentType.startsWith("application/json")
                            ? new ModelListMerge(ModelList.build(ex.state(), ex.key(), prices, aliases(ex.state())), ex.key(), client)
                            : null);
        } else if (path.startsWith(PATH + "/")) {
            String id = java.net.URLDecoder.decode(path.substring(PATH.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            if (aliases(ex.state()).contains(id) && ex.key().allowsModel(id)) {
                ex.answerJson(200, Buffer.buffer(JSON.writeValueAsBytes(render(new ModelList.Entry(id, "ingate")))));
                return;
            }
        }
        next.handle(ex);
    }

    /** The routing rules' exact names (globs are patterns, not models one can ask for). */
    static Collection<String> aliases(GatewayState state) {
        List<String> names = new ArrayList<>();
        for (dev.ingate.config.RouteRule rule : state.routes().rules()) {
            if (!rule.isGlob()) {
                names.add(rule.model());
            }
        }
        return names;
    }

    static ObjectNode render(ModelList.Entry model) {
        // "created" is required by the SDKs' model type; Ingate does not know when a provider released a model
        return JSON.createObjectNode().put("id", model.id()).put("object", "model").put("created", 0).put("owned_by", model.ownedBy());
    }
}
