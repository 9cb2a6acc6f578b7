package dev.ingate.cache;

import dev.ingate.observe.usage.UsageFacts;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis value: binary-safe, and anything else decodes to a miss. */
class AnswerCodecTest {

    @Test
    void roundTripsEveryByteAndTheUsage() {
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        UsageFacts usage = new UsageFacts(true, "gpt-4o-2024", null, 10, 2, 1, 30, 5, true);
        CachedAnswer decoded = AnswerCodec.decode(AnswerCodec.encode(new CachedAnswer("text/event-stream", body, "openai", "openai", usage)));
        assertThat(decoded).isNotNull();
        assertThat(decoded.body()).isEqualTo(body);
        assertThat(decoded.contentType()).isEqualTo("text/event-stream");
        assertThat(decoded.servedBy()).isEqualTo("openai");
        assertThat(decoded.usage()).isEqualTo(usage);
    }

    @Test
    void aForeignOrDamagedValueIsAMiss() {
        Buffer good = AnswerCodec.encode(new CachedAnswer(null, new byte[]{1, 2, 3}, "x", "openai", UsageFacts.NONE));
        assertThat(AnswerCodec.decode(good)).isNotNull();
        assertThat(AnswerCodec.decode(good.getBuffer(0, good.length() - 1))).isNull();
        assertThat(AnswerCodec.decode(Buffer.buffer("hello"))).isNull();
        assertThat(AnswerCodec.decode(Buffer.buffer())).isNull();
    }
}
