package dev.ingate.observe.usage;

import org.junit.jupiter.api.Test;

import static dev.ingate.observe.usage.Feeds.JSON;
import static dev.ingate.observe.usage.Feeds.SSE;
import static dev.ingate.observe.usage.Feeds.everyWay;
import static dev.ingate.observe.usage.Feeds.fixture;
import static dev.ingate.observe.usage.Feeds.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** Anthropic messages: input_tokens excludes the cache, so the input is the sum of three figures. */
class AnthropicUsageTest {

    private static final String MESSAGES = "/v1/messages";

    @Test
    void bodyWithCacheReadAndCreation() {
        UsageFacts facts = everyWay(MESSAGES, JSON, fixture("anthropic-messages.json"));

        // 21 uncached + 4096 read + 188086 written; the fake usage quoted in the text is ignored
        assertThat(facts).isEqualTo(new UsageFacts(true, "claude-sonnet-4-20250514", "msg_01XFDUDYJgAACzvnptvVoYEL",
                192_203, 4096, 188_086, 393, 0, false));
        assertThat(facts.uncachedInputTokens()).isEqualTo(21);
    }

    @Test
    void streamTakesInputFromMessageStartAndFinalOutputFromMessageDelta() {
        UsageFacts facts = everyWay(MESSAGES, SSE, fixture("anthropic-messages-streaming.sse"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "claude-sonnet-4-20250514", "msg_014p7gG3wDgGV9EUtLvnow3U",
                472 + 1200 + 8000, 8000, 1200, 89, 0, true));
    }

    @Test
    void newerMessageDeltaRestatesInputAndCacheFiguresAndTheLastOneWins() {
        UsageFacts facts = everyWay(MESSAGES, SSE, fixture("anthropic-messages-streaming-delta-usage.sse"));

        assertThat(facts.inputTokens()).isEqualTo(10_682 + 512 + 2048);
        assertThat(facts.cachedInputTokens()).isEqualTo(2048);
        assertThat(facts.cacheCreationTokens()).isEqualTo(512);
        assertThat(facts.uncachedInputTokens()).isEqualTo(10_682);
        assertThat(facts.outputTokens()).isEqualTo(510);
        assertThat(facts.sawFirstToken()).as("a thinking delta is generated content").isTrue();
    }

    @Test
    void nullsInMessageDeltaKeepWhatMessageStartSaid() {
        String stream = """
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_1","model":"claude-haiku-4-5","usage":{"input_tokens":30,"cache_read_input_tokens":70,"output_tokens":1}}}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"input_tokens":null,"cache_read_input_tokens":null,"output_tokens":12}}

                """;

        UsageFacts facts = everyWay(MESSAGES, SSE, utf8(stream));

        assertThat(facts.inputTokens()).isEqualTo(100);
        assertThat(facts.cachedInputTokens()).isEqualTo(70);
        assertThat(facts.outputTokens()).isEqualTo(12);
    }

    @Test
    void aStreamCutBeforeMessageDeltaKeepsTheInitialFigures() {
        String stream = """
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_2","model":"claude-haiku-4-5","usage":{"input_tokens":30,"output_tokens":1}}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_to""";

        UsageFacts facts = everyWay(MESSAGES, SSE, utf8(stream));

        assertThat(facts.found()).isTrue();
        assertThat(facts.inputTokens()).isEqualTo(30);
        assertThat(facts.outputTokens()).isEqualTo(1);
    }
}
