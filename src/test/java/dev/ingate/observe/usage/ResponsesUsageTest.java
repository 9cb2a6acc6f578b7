package dev.ingate.observe.usage;

import org.junit.jupiter.api.Test;

import static dev.ingate.observe.usage.Feeds.JSON;
import static dev.ingate.observe.usage.Feeds.SSE;
import static dev.ingate.observe.usage.Feeds.everyWay;
import static dev.ingate.observe.usage.Feeds.fixture;
import static dev.ingate.observe.usage.Feeds.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** OpenAI's Responses API: usage on the response object, in a stream on response.completed's. */
class ResponsesUsageTest {

    private static final String RESPONSES = "/v1/responses";

    @Test
    void bodyWithCachedAndReasoningTokens() {
        UsageFacts facts = everyWay(RESPONSES, JSON, fixture("responses.json"));

        // input_tokens includes the cached ones, output_tokens the reasoning ones; the text's fake usage is ignored
        assertThat(facts).isEqualTo(new UsageFacts(true, "o4-mini-2025-04-16", "resp_67ccd3a9da748190baa7f1570fe91ac604becb25c45c1d41",
                1328, 1024, 0, 547, 448, false));
        assertThat(facts.uncachedInputTokens()).isEqualTo(304);
        assertThat(facts.visibleOutputTokens()).isEqualTo(99);
    }

    @Test
    void streamTakesUsageFromResponseCompleted() {
        UsageFacts facts = everyWay(RESPONSES, SSE, fixture("responses-streaming.sse"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "gpt-4.1-2025-04-14", "resp_68a1c0ffee", 2048, 1536, 0, 4, 0, true));
    }

    @Test
    void anIncompleteResponseStillReportsItsUsage() {
        String stream = """
                event: response.created
                data: {"type":"response.created","response":{"id":"resp_9","model":"gpt-5-2025-08-07","usage":null}}

                event: response.incomplete
                data: {"type":"response.incomplete","response":{"id":"resp_9","model":"gpt-5-2025-08-07","status":"incomplete","usage":{"input_tokens":50,"input_tokens_details":{"cached_tokens":0},"output_tokens":16,"output_tokens_details":{"reasoning_tokens":16}}}}

                """;

        UsageFacts facts = everyWay(RESPONSES, SSE, utf8(stream));

        assertThat(facts.inputTokens()).isEqualTo(50);
        assertThat(facts.outputTokens()).isEqualTo(16);
        assertThat(facts.reasoningTokens()).isEqualTo(16);
        assertThat(facts.sawFirstToken()).isFalse();
    }

    @Test
    void retrievingAStoredResponseReadsItToo() {
        UsageFacts facts = Feeds.whole("/v1/responses/resp_67ccd3a9", JSON, fixture("responses.json"));

        assertThat(facts.inputTokens()).isEqualTo(1328);
    }
}
