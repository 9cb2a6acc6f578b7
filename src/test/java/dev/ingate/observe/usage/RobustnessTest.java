package dev.ingate.observe.usage;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static dev.ingate.observe.usage.Feeds.JSON;
import static dev.ingate.observe.usage.Feeds.NDJSON;
import static dev.ingate.observe.usage.Feeds.SSE;
import static dev.ingate.observe.usage.Feeds.everyWay;
import static dev.ingate.observe.usage.Feeds.fixture;
import static dev.ingate.observe.usage.Feeds.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** A usage bug must never break relaying: garbage in, nothing (or what could be read) out, never an exception. */
class RobustnessTest {

    private static final String CHAT = "/v1/chat/completions";
    private static final String USAGE_CHUNK = "{\"id\":\"c1\",\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7}}";

    @Test
    void sseVariantsOfTheSameEvent() {
        UsageFacts expected = new UsageFacts(true, "m", "c1", 5, 0, 0, 7, 0, false);

        assertThat(everyWay(CHAT, SSE, utf8("data: " + USAGE_CHUNK + "\n\ndata: [DONE]\n\n"))).isEqualTo(expected);
        assertThat(everyWay(CHAT, SSE, utf8("data: " + USAGE_CHUNK + "\r\n\r\ndata: [DONE]\r\n\r\n"))).as("CRLF").isEqualTo(expected);
        assertThat(everyWay(CHAT, SSE, utf8("data: " + USAGE_CHUNK + "\r\rdata: [DONE]\r\r"))).as("CR alone").isEqualTo(expected);
        assertThat(everyWay(CHAT, SSE, utf8("data:" + USAGE_CHUNK + "\n\n"))).as("no space after data:").isEqualTo(expected);
        assertThat(everyWay(CHAT, SSE, utf8(": ping\n\n: keep-alive\nevent: chunk\nid: 9\nretry: 100\ndata: " + USAGE_CHUNK + "\n\n")))
                .as("comments and other fields").isEqualTo(expected);
        assertThat(everyWay(CHAT, SSE, utf8("data: " + USAGE_CHUNK))).as("no blank line at the end").isEqualTo(expected);
    }

    @Test
    void dataSpreadOverSeveralLinesIsJoined() {
        String event = "data: {\"model\":\"m\",\"choices\":[],\n"
                + "data: \"usage\":{\"prompt_tokens\":5,\n"
                + "data: \"completion_tokens\":7}}\n\n";

        UsageFacts facts = everyWay(CHAT, SSE, utf8(event));

        assertThat(facts.inputTokens()).isEqualTo(5);
        assertThat(facts.outputTokens()).isEqualTo(7);
    }

    @Test
    void aMalformedEventIsSkippedAndTheRestStillCounts() {
        String stream = "data: {\"model\":\"m\",\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n"
                + "data: {\"usage\":{\"prompt_tokens\":999,\"completion_tokens\":}}\n\n"
                + "data: not json at all\n\n"
                + "data: {\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7}} trailing\n\n"
                + "data: " + USAGE_CHUNK + "\n\n";

        UsageFacts facts = everyWay(CHAT, SSE, utf8(stream));

        assertThat(facts.inputTokens()).isEqualTo(5);
        assertThat(facts.outputTokens()).isEqualTo(7);
        assertThat(facts.sawFirstToken()).isTrue();
    }

    @Test
    void usageAbsentMeansNotFound() {
        UsageFacts facts = everyWay(CHAT, JSON, utf8("{\"id\":\"c1\",\"model\":\"m\",\"choices\":[]}"));

        assertThat(facts.found()).isFalse();
        assertThat(facts.model()).isEqualTo("m");
        assertThat(everyWay(CHAT, JSON, utf8("{\"model\":\"m\",\"usage\":null}")).found()).isFalse();
        assertThat(everyWay(CHAT, JSON, utf8("{\"model\":\"m\",\"usage\":{\"prompt_tokens\":\"12\"}}")).found()).isFalse();
    }

    @Test
    void anUpstreamErrorBodyHasNoUsage() {
        UsageFacts facts = everyWay(CHAT, JSON, utf8("{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\",\"code\":null}}"));

        assertThat(facts).isEqualTo(UsageFacts.NONE);
    }

    @Test
    void aTruncatedBodyKeepsWhatWasReadBeforeTheCut() {
        byte[] body = fixture("openai-chat-detailed-usage.json");
        String text = new String(body, StandardCharsets.UTF_8);
        byte[] cut = utf8(text.substring(0, text.indexOf("\"total_tokens\"")));

        UsageFacts facts = everyWay(CHAT, JSON, cut);

        assertThat(facts.inputTokens()).isEqualTo(12);
        assertThat(facts.outputTokens()).isEqualTo(100);
    }

    @Test
    void garbageNeverThrowsAndFindsNothing() {
        Random random = new Random(42);
        for (String path : new String[] {CHAT, "/v1/messages", "/v1/responses", "/api/chat", "/v1beta/models/g:generateContent"}) {
            for (String type : new String[] {JSON, SSE, NDJSON}) {
                UsageExtractor extractor = UsageExtractors.forResponse(path, type);
                assertThatCode(() -> {
                    for (int i = 0; i < 200; i++) {
                        byte[] junk = new byte[random.nextInt(300)];
                        random.nextBytes(junk);
                        extractor.onChunk(Buffer.buffer(junk));
                        extractor.sawFirstToken();
                    }
                    extractor.onChunk(Buffer.buffer());
                    extractor.onChunk(null);
                }).doesNotThrowAnyException();
                assertThat(extractor.finish().found()).as(path + " " + type).isFalse();
            }
        }
    }

    @Test
    void deepNestingIsRefusedQuietly() {
        String deep = "{\"usage\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThat(everyWay(CHAT, JSON, utf8(deep)).found()).isFalse();
        assertThat(everyWay(CHAT, SSE, utf8("data: " + deep + "\n\n")).found()).isFalse();
    }

    @Test
    void finishIsIdempotentAndLaterChunksAreIgnored() {
        UsageExtractor extractor = UsageExtractors.forResponse(CHAT, SSE);
        extractor.onChunk(Buffer.buffer("data: " + USAGE_CHUNK + "\n\n"));

        UsageFacts first = extractor.finish();
        extractor.onChunk(Buffer.buffer("data: {\"usage\":{\"prompt_tokens\":1000}}\n\n"));

        assertThat(extractor.finish()).isSameAs(first);
        assertThat(first.inputTokens()).isEqualTo(5);
    }

    @Test
    void aBufferSliceIsReadWithinItsBounds() {
        Buffer whole = Buffer.buffer("XXXXdata: " + USAGE_CHUNK + "\n\nYYYY");
        UsageExtractor extractor = UsageExtractors.forResponse(CHAT, SSE);

        extractor.onChunk(whole.slice(4, whole.length() - 4));

        assertThat(extractor.finish().inputTokens()).isEqualTo(5);
    }

    @Test
    void aHugeUnfinishedEventIsDroppedAndTheStreamRecovers() {
        UsageExtractor extractor = UsageExtractors.forResponse(CHAT, SSE);
        extractor.onChunk(Buffer.buffer("data: {\"x\":\""));
        byte[] filler = new byte[1024 * 1024];
        Arrays.fill(filler, (byte) 'a');
        for (int i = 0; i < 20; i++) {
            extractor.onChunk(Buffer.buffer(filler));
        }
        extractor.onChunk(Buffer.buffer("\"}\n\ndata: " + USAGE_CHUNK + "\n\n"));

        assertThat(extractor.finish().inputTokens()).isEqualTo(5);
    }
}
