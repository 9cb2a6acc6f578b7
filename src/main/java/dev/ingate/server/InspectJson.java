package dev.ingate.server;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.Interceptor;
import dev.ingate.pipeline.LoopJson;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * For JSON endpoints: 400 when the body is not one well-formed JSON value, and otherwise the top-level
 * {@code model} and {@code stream} fields, read with the streaming parser (no tree is built).
 */
public final class InspectJson implements Interceptor {

    private static final JsonFactory JSON = LoopJson.factory();

    @Override
    public void intercept(Exchange ex, Handler next) {
        if (!JsonEndpoints.isJsonEndpoint(ex.request().method(), ex.request().path())) {
            next.handle(ex);
            return;
        }
        try {
            inspect(ex, ex.body());
        } catch (JacksonException e) {
            ex.fail(IngateError.malformedJson(describe(e)));
            return;
        }
        next.handle(ex);
    }

    private static void inspect(Exchange ex, Buffer body) {
        ByteBuf bytes = ((BufferInternal) body).getByteBuf();
        byte[] array;
        int offset;
        if (bytes.hasArray()) {
            array = bytes.array();
            offset = bytes.arrayOffset() + bytes.readerIndex();
        } else {
            array = body.getBytes();
            offset = 0;
        }
        String model = null;
        boolean stream = false;
        String user = null;
        boolean extras = false;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), array, offset, body.length())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new EmptyBody(parser);
            }
            if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("model".equals(field) && value == JsonToken.VALUE_STRING) {
                        model = parser.getString();
                    } else if ("stream".equals(field)) {
                        stream = value == JsonToken.VALUE_TRUE;
                    } else if ("user".equals(field) && value == JsonToken.VALUE_STRING) {
                        user = parser.getString();
                    } else if ("metadata".equals(field) && value == JsonToken.START_OBJECT) {
                        String metadataUser = metadataUserId(parser);
                        user = user != null ? user : metadataUser;
                    } else {
                        if (field.startsWith("ingate")) {
                            extras = extras || dev.ingate.dispatch.ProviderExtras.isExtrasField(field);
                        }
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new TrailingContent(parser);
            }
        }
        if (dev.ingate.translate.Codecs.isGeminiPath(ex.request().path())) {
            // Gemini names the model and the streaming in the path, not the body
            model = dev.ingate.translate.GeminiPaths.model(ex.request().path());
            stream = ex.request().path().endsWith(":streamGenerateContent");
        }
        ex.requestFacts(model, stream, user);
        if (extras) {
            ex.attribute(dev.ingate.dispatch.ProviderExtras.PRESENT, Boolean.TRUE);
        }
    }

    /** Anthropic's {@code metadata.user_id}; leaves the parser after the metadata object. */
    private static String metadataUserId(JsonParser parser) {
        String userId = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("user_id".equals(field) && value == JsonToken.VALUE_STRING) {
                userId = parser.getString();
            } else {
                parser.skipChildren();
            }
        }
        return userId;
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        String first = cut >= 0 ? message.substring(0, cut) : message;
        int marker = first.indexOf(" (start marker");
        if (marker >= 0) {
            first = first.substring(0, marker);
        }
        return e.getLocation() == null ? first
                : first + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static final class EmptyBody extends StreamReadException {
        EmptyBody(JsonParser parser) {
            super(parser, "the body is empty");
        }
    }

    private static final class TrailingContent extends StreamReadException {
        TrailingContent(JsonParser parser) {
            super(parser, "unexpected content after the JSON value");
        }
    }
}
