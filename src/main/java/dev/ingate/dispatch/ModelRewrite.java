package dev.ingate.dispatch;

import io.vertx.core.buffer.Buffer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Puts another model into a same-shape request by splicing bytes: only the top-level {@code model} string is
 * replaced, every other byte (unknown fields, thinking signatures, key order, spacing) passes untouched, which a
 * decode and re-encode would not guarantee.
 */
final class ModelRewrite {

    private static final JsonFactory JSON = new JsonFactory();

    private ModelRewrite() {
    }

    /** The body with its top-level model replaced, or the body itself when it has no string model to replace. */
    static Buffer withModel(Buffer body, String model) {
        byte[] bytes = body.getBytes();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return body;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("model".equals(field) && value == JsonToken.VALUE_STRING) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.finishToken();
                    int end = (int) parser.currentLocation().getByteOffset();
                    return splice(bytes, start, end, model);
                }
                parser.skipChildren();
            }
            return body;
        }
    }

    private static Buffer splice(byte[] bytes, int start, int end, String model) {
        byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(model);
        Buffer out = Buffer.buffer(bytes.length - (end - start) + quoted.length + 2);
        out.appendBytes(bytes, 0, start).appendByte((byte) '"').appendBytes(quoted).appendByte((byte) '"')
                .appendBytes(bytes, end, bytes.length - end);
        return out;
    }
}
