package dev.ingate.observe.usage;

import dev.ingate.stream.EventFramer;
import dev.ingate.stream.Framing;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Ways to feed a response body to an extractor: whole, as the relay frames it, or cut anywhere. */
final class Feeds {

    static final String JSON = "application/json";
    static final String SSE = "text/event-stream; charset=utf-8";
    static final String NDJSON = "application/x-ndjson";

    private Feeds() {
    }

    static byte[] fixture(String name) {
        try (InputStream in = Feeds.class.getResourceAsStream("/fixtures/usage/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The body in one buffer. */
    static UsageFacts whole(String path, String contentType, byte[] body) {
        UsageExtractor extractor = UsageExtractors.forResponse(path, contentType);
        extractor.onChunk(Buffer.buffer(body));
        return extractor.finish();
    }

    /** Cut into {@code size}-byte chunks and passed through the relay's framer, as the relay writes them. */
    static UsageFacts framed(String path, String contentType, byte[] body, int size) {
        UsageExtractor extractor = UsageExtractors.forResponse(path, contentType);
        Framing framing = Framing.ofContentType(contentType);
        EventFramer framer = framing == Framing.NONE ? null : new EventFramer(framing);
        for (int i = 0; i < body.length; i += size) {
            Buffer chunk = Buffer.buffer(Arrays.copyOfRange(body, i, Math.min(body.length, i + size)));
            Buffer out = framer == null ? chunk : framer.push(chunk);
            if (out.length() > 0) {
                extractor.onChunk(out);
            }
        }
        if (framer != null) {
            extractor.onChunk(framer.remainder());
        }
        return extractor.finish();
    }

    /** Cut into {@code size}-byte chunks with no framer: events and lines split anywhere. */
    static UsageFacts raw(String path, String contentType, byte[] body, int size) {
        UsageExtractor extractor = UsageExtractors.forResponse(path, contentType);
        for (int i = 0; i < body.length; i += size) {
            extractor.onChunk(Buffer.buffer(Arrays.copyOfRange(body, i, Math.min(body.length, i + size))));
        }
        return extractor.finish();
    }

    /** Reads the body every way above, checks they all agree, and returns what they say. */
    static UsageFacts everyWay(String path, String contentType, byte[] body) {
        UsageFacts facts = whole(path, contentType, body);
        assertThat(framed(path, contentType, body, 64)).as("framed in 64-byte chunks").isEqualTo(facts);
        assertThat(raw(path, contentType, body, 1)).as("one byte at a time").isEqualTo(facts);
        assertThat(raw(path, contentType, body, 13)).as("13-byte chunks").isEqualTo(facts);
        return facts;
    }
}
