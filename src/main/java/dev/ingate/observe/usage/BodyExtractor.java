package dev.ingate.observe.usage;

import io.vertx.core.buffer.Buffer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.async.ByteArrayFeeder;

/**
 * Usage from a non-streamed JSON body, read as it passes: each chunk is fed to Jackson's non-blocking
 * parser and walked at once, so the body is never accumulated (no copy, no size cap) and the work is
 * spread over the chunks instead of landing at the end. Big arrays the shape declines (choices, content,
 * embeddings) are only tokenized. Several top-level values (an NDJSON body sent as JSON) and a top-level
 * array (Gemini's streamGenerateContent without {@code alt=sse}) are read value by value.
 *
 * <p>Malformed JSON stops the reading; figures read before the fault stand (a body cut short after its
 * usage still says what it cost).
 */
final class BodyExtractor implements UsageExtractor {

    private final ShapeReader reader;
    private final JsonWalker walker;
    private final UsageTally tally = new UsageTally();
    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private boolean broken;
    private UsageFacts result;

    BodyExtractor(ShapeReader reader) {
        this.reader = reader;
        this.walker = new JsonWalker(reader);
    }

    @Override
    public void onChunk(Buffer bytes) {
        if (result != null || broken || bytes == null || bytes.length() == 0) {
            return;
        }
        try {
            if (parser == null) {
                parser = StreamExtractor.JSON.createNonBlockingByteArrayParser(ObjectReadContext.empty());
                feeder = (ByteArrayFeeder) parser.nonBlockingInputFeeder();
            }
            Bytes.Span span = Bytes.of(bytes);
            // the parser reads the array in place; walking until it runs dry means it holds no reference after
            feeder.feedInput(span.array(), span.from(), span.to());
            walker.walk(parser, tally);
        } catch (RuntimeException e) {
            stop();
        }
    }

    /** A non-streamed body has no first token to time. */
    @Override
    public boolean sawFirstToken() {
        return false;
    }

    @Override
    public UsageFacts finish() {
        if (result == null) {
            if (parser != null && !broken) {
                try {
                    feeder.endOfInput();
                    walker.walk(parser, tally);
                } catch (RuntimeException e) {
                    // a body cut short: what was read before stands
                }
            }
            stop();
            result = tally.facts(reader, false);
        }
        return result;
    }

    private void stop() {
        broken = true;
        if (parser != null) {
            try {
                parser.close();
            } catch (RuntimeException ignored) {
                // nothing to release that matters
            }
            parser = null;
            feeder = null;
        }
    }
}
