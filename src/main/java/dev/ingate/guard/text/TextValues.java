package dev.ingate.guard.text;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the text values of a JSON body ({@link Side}) with the streaming parser: no tree is built, and only the
 * strings that count are decoded. A body that is not a JSON object has none.
 */
public final class TextValues {

    private static final JsonFactory JSON = new JsonFactory();

    private TextValues() {
    }

    public static List<TextValue> scan(byte[] body, int offset, int length, Side side) {
        List<TextValue> out = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME && parser.streamReadContext().getParent().inRoot()
                        && !side.topLevel.contains(parser.currentName())) {
                    parser.nextToken();
                    parser.skipChildren();   // model, tools, settings: not conversation
                } else if (token == JsonToken.VALUE_STRING && counts(parser.streamReadContext(), side)) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    String text = parser.getString();
                    out.add(new TextValue(start, closingQuote(body, start, offset + length) + 1, text));
                }
            }
        } catch (JacksonException malformed) {
            return List.of();   // InspectJson answered 400 already for a request; an odd answer is left as it is
        }
        return out;
    }

    public static List<TextValue> scan(byte[] body, Side side) {
        return scan(body, 0, body.length, side);
    }

    /** The nearest field name (through arrays) is a text field, or an enclosing object is free-form tool data. */
    private static boolean counts(TokenStreamContext context, Side side) {
        TokenStreamContext c = context;
        while (c.inArray()) {
            c = c.getParent();
        }
        if (c.inObject() && side.textFields.contains(c.currentName())) {
            return true;
        }
        for (TokenStreamContext o = context; o != null && !o.inRoot(); o = o.getParent()) {
            TokenStreamContext holder = o.getParent();
            if (o.inObject() && holder != null && holder.inObject() && Side.FREE_FORM.contains(holder.currentName())) {
                return true;
            }
        }
        return false;
    }

    /** The string token starting at {@code start} (its opening quote) ends at the first quote not escaped. */
    private static int closingQuote(byte[] body, int start, int limit) {
        for (int i = start + 1; i < limit; i++) {
            if (body[i] == '\\') {
                i++;
            } else if (body[i] == '"') {
                return i;
            }
        }
        throw new IllegalStateException("unterminated string at " + start);
    }
}
