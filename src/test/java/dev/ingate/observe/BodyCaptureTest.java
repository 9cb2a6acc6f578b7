package dev.ingate.observe;

import dev.ingate.observe.record.CapturedBody;
import dev.ingate.observe.record.RequestBodies;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyCaptureTest {

    @Test
    void keepsBothBodiesUpToTheLimit() {
        BodyCapture capture = new BodyCapture(Buffer.buffer("0123456789"), null, 4);
        capture.responseStarted(null);
        capture.responseChunk(Buffer.buffer("ab"));
        capture.responseChunk(Buffer.buffer("cdef"));
        capture.responseChunk(Buffer.buffer("gh"));
        RequestBodies bodies = capture.bodies();
        assertThat(bodies.request()).isEqualTo(new CapturedBody("0123", null, true));
        assertThat(bodies.response()).isEqualTo(new CapturedBody("abcd", null, true));
    }

    @Test
    void aBodyOfExactlyTheLimitIsWhole() {
        BodyCapture capture = new BodyCapture(Buffer.buffer("1234"), null, 4);
        capture.responseStarted(null);
        capture.responseChunk(Buffer.buffer("ab"));
        capture.responseChunk(Buffer.buffer("cd"));
        capture.responseChunk(Buffer.buffer(""));
        assertThat(capture.bodies()).isEqualTo(new RequestBodies(new CapturedBody("1234", null, false), new CapturedBody("abcd", null, false)));
    }

    /** A long stream is copied only up to the limit, in a buffer that grows with what is kept. */
    @Test
    void aLongStreamIsNeverHeldWhole() {
        BodyCapture capture = new BodyCapture(Buffer.buffer(), null, 64 * 1024);
        capture.responseStarted(null);
        Buffer event = Buffer.buffer("data: {\"choices\":[{\"delta\":{\"content\":\"token\"}}]}\n\n");
        for (int i = 0; i < 100_000; i++) {
            capture.responseChunk(event);
        }
        CapturedBody response = capture.bodies().response();
        assertThat(response.truncated()).isTrue();
        assertThat(response.text()).hasSizeLessThanOrEqualTo(64 * 1024).startsWith("data: {");
        assertThat(capture.bodies().request()).isEqualTo(new CapturedBody("", null, false));
    }

    @Test
    void aNewAttemptReplacesTheEarlierAnswerAndNoAnswerIsNull() {
        BodyCapture capture = new BodyCapture(Buffer.buffer("{}"), null, 100);
        assertThat(capture.bodies().response()).isNull();
        capture.responseStarted(null);
        capture.responseChunk(Buffer.buffer("{\"error\":\"overloaded\"}"));
        capture.responseStarted("gzip");
        capture.responseChunk(Buffer.buffer(new byte[] {0x1f, (byte) 0x8b}));
        assertThat(capture.bodies().response()).isEqualTo(new CapturedBody("H4s=", "gzip", false));
    }
}
