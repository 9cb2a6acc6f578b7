package dev.ingate.stream;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventFramerTest {

    private static String push(EventFramer framer, String chunk) {
        return framer.push(Buffer.buffer(chunk)).toString();
    }

    @Test
    void sseWholeEventsPassAtOnceAndPartialOnesWait() {
        EventFramer framer = new EventFramer(Framing.SSE);
        assertThat(push(framer, "data: 1\n\ndata: 2\n\nda")).isEqualTo("data: 1\n\ndata: 2\n\n");
        assertThat(push(framer, "ta: 3\n")).isEmpty();
        assertThat(push(framer, "\ndata: 4\n\n")).isEqualTo("data: 3\n\ndata: 4\n\n");
        assertThat(framer.remainder().length()).isZero();
    }

    @Test
    void sseWithCrlfLineEndings() {
        EventFramer framer = new EventFramer(Framing.SSE);
        assertThat(push(framer, "event: a\r\ndata: 1\r\n\r\nevent: b\r\n")).isEqualTo("event: a\r\ndata: 1\r\n\r\n");
        assertThat(push(framer, "data: 2\r\n\r\n")).isEqualTo("event: b\r\ndata: 2\r\n\r\n");
    }

    @Test
    void terminatorSplitAcrossChunksIsFound() {
        EventFramer framer = new EventFramer(Framing.SSE);
        assertThat(push(framer, "data: 1\n")).isEmpty();
        assertThat(push(framer, "\n")).isEqualTo("data: 1\n\n");
    }

    @Test
    void ndjsonCutsAtEachNewline() {
        EventFramer framer = new EventFramer(Framing.NDJSON);
        assertThat(push(framer, "{\"a\":1}\n{\"b\":")).isEqualTo("{\"a\":1}\n");
        assertThat(push(framer, "2}\n")).isEqualTo("{\"b\":2}\n");
    }

    @Test
    void anUnterminatedLastEventIsHandedOverAtTheEnd() {
        EventFramer framer = new EventFramer(Framing.NDJSON);
        assertThat(push(framer, "{\"done\":true}")).isEmpty();
        assertThat(framer.remainder().toString()).isEqualTo("{\"done\":true}");
    }

    @Test
    void framingFollowsTheContentType() {
        assertThat(Framing.ofContentType("text/event-stream; charset=utf-8")).isEqualTo(Framing.SSE);
        assertThat(Framing.ofContentType("application/x-ndjson")).isEqualTo(Framing.NDJSON);
        assertThat(Framing.ofContentType("application/json")).isEqualTo(Framing.NONE);
        assertThat(Framing.ofContentType(null)).isEqualTo(Framing.NONE);
    }
}
