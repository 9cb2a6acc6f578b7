package dev.ingate.observe;

import dev.ingate.pipeline.AttributeKey;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.Interceptor;
import dev.ingate.provider.ApiShape;
import io.vertx.core.buffer.Buffer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI streams carry usage only when asked ({@code stream_options.include_usage}). To record exact
 * usage whatever the client asked, a streamed chat or completions request to an OpenAI-shaped provider
 * is sent with it on; the relay then takes the usage chunk and the {@code "usage":null} fields back out
 * ({@link OpenAiUsageStripper}), so the client receives what it would have without Ingate.
 */
public final class StreamUsageRequest implements Interceptor {

    /** Set when Ingate, not the client, asked for usage: the client's stream must not show it. */
    public static final AttributeKey<Boolean> STRIP_USAGE = new AttributeKey<>("strip-usage");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void intercept(Exchange ex, Handler next) {
        if (ex.streamRequested() && ex.provider() != null && ex.provider().shape() == ApiShape.OPENAI
                && (ex.request().path().equals("/v1/chat/completions") || ex.request().path().equals("/v1/completions"))) {
            askForUsage(ex);
        }
        next.handle(ex);
    }

    private static void askForUsage(Exchange ex) {
        try {
            JsonNode body = JSON.readTree(ex.body().getBytes());
            if (!(body instanceof ObjectNode request) || body.path("stream_options").path("include_usage").asBoolean(false)) {
                return;
            }
            JsonNode options = request.get("stream_options");
            ObjectNode streamOptions = options instanceof ObjectNode existing ? existing : request.putObject("stream_options");
            streamOptions.put("include_usage", true);
            ex.body(Buffer.buffer(JSON.writeValueAsBytes(request)));
            ex.attribute(STRIP_USAGE, Boolean.TRUE);
        } catch (JacksonException e) {
            // already checked to be JSON; if it is not an object there is nothing to ask
        }
    }
}
