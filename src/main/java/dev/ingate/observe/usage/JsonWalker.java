package dev.ingate.observe.usage;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Drives a Jackson streaming parser and hands a {@link ShapeReader} each scalar value with its path, passing
 * over the containers the reader declines (no tree is ever built). It works the same on a blocking parser
 * over one stream event and on a non-blocking one fed a body chunk by chunk: it stops when the parser has
 * no more input ({@code NOT_AVAILABLE}) and carries on from there at the next call.
 */
final class JsonWalker {

    private final ShapeReader reader;
    private final JsonPath path = new JsonPath();
    /** Containers open inside a subtree being passed over; 0 when not skipping. */
    private int skipping;

    JsonWalker(ShapeReader reader) {
        this.reader = reader;
    }

    /** Forgets where it stood: before a new, independent document (the next stream event). */
    void reset() {
        path.reset();
        skipping = 0;
    }

    /** Reads all tokens available now. Jackson's exceptions on malformed input pass through. */
    void walk(JsonParser parser, UsageTally tally) {
        JsonToken token;
        while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
            if (skipping > 0) {
                if (token.isStructStart()) {
                    skipping++;
                } else if (token.isStructEnd()) {
                    skipping--;
                }
                continue;
            }
            switch (token) {
                case START_OBJECT, START_ARRAY -> open(parser, token);
                case END_OBJECT, END_ARRAY -> path.pop();
                case PROPERTY_NAME -> {
                    // the name comes with the value that follows
                }
                default -> reader.value(path, parser.currentName(), token, parser, tally);
            }
        }
    }

    private void open(JsonParser parser, JsonToken token) {
        // at the top, or inside an array, there is no property name: the path says ITEM instead
        String name = path.depth() == 0 ? null : parser.currentName();
        path.push(name, token == JsonToken.START_ARRAY);
        if (path.size() > 0 && !reader.descend(path)) {
            path.pop();
            skipping = 1;
        }
    }
}
