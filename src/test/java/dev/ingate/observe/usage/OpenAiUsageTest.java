package dev.ingate.observe.usage;

import org.junit.jupiter.api.Test;

import static dev.ingate.observe.usage.Feeds.JSON;
import static dev.ingate.observe.usage.Feeds.SSE;
import static dev.ingate.observe.usage.Feeds.everyWay;
import static dev.ingate.observe.usage.Feeds.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** OpenAI chat completions, completions and embeddings, from real recorded exchanges. */
class OpenAiUsageTest {

    private static final String CHAT = "/v1/chat/completions";

    @Test
    void chatBodyWithReasoningTokens() {
        UsageFacts facts = everyWay(CHAT, JSON, fixture("openai-chat-detailed-usage.json"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "gpt-5-nano-2025-08-07", "chatcmpl-C4Hn7cxHHDt210R3NWm4trTgiLkrA",
                12, 0, 0, 100, 100, false));
        assertThat(facts.visibleOutputTokens()).isZero();
    }

    @Test
    void chatStreamWithUsageChunk() {
        UsageFacts facts = everyWay(CHAT, SSE, fixture("openai-chat-streaming-detailed-usage.sse"));

        assertThat(facts.found()).isTrue();
        assertThat(facts.model()).isEqualTo("gpt-5-nano-2025-08-07");
        assertThat(facts.responseId()).isEqualTo("chatcmpl-C4Hq5a6K3RaPMymUv70btQNYv6SvY");
        assertThat(facts.inputTokens()).isEqualTo(12);
        assertThat(facts.outputTokens()).isEqualTo(100);
        assertThat(facts.reasoningTokens()).isEqualTo(100);
        // all 100 tokens went to hidden reasoning: the only content delta is empty
        assertThat(facts.sawFirstToken()).isFalse();
    }

    @Test
    void promptTokensAlreadyIncludeTheCachedOnes() {
        UsageFacts facts = everyWay(CHAT, JSON, fixture("openai-chat-cached.json"));

        assertThat(facts.inputTokens()).isEqualTo(2006);
        assertThat(facts.cachedInputTokens()).isEqualTo(1920);
        assertThat(facts.uncachedInputTokens()).isEqualTo(86);
        assertThat(facts.cacheCreationTokens()).isZero();
        assertThat(facts.outputTokens()).isEqualTo(300);
        assertThat(facts.totalTokens()).isEqualTo(2306);
    }

    @Test
    void streamWithoutIncludeUsageStillNamesTheModel() {
        UsageFacts facts = everyWay(CHAT, SSE, fixture("openai-chat-streaming.sse"));

        assertThat(facts.found()).isFalse();
        assertThat(facts.inputTokens()).isZero();
        assertThat(facts.model()).isEqualTo("gpt-5-nano-2025-08-07");
        assertThat(facts.responseId()).isEqualTo("chatcmpl-C4HqHBe4xca0k0EzsCnf1t6V3YFXp");
        assertThat(facts.sawFirstToken()).isTrue();
    }

    @Test
    void chatBodyWithToolCalls() {
        UsageFacts facts = everyWay(CHAT, JSON, fixture("openai-chat-tools.json"));

        assertThat(facts.inputTokens()).isEqualTo(162);
        assertThat(facts.outputTokens()).isEqualTo(287);
        assertThat(facts.reasoningTokens()).isEqualTo(256);
    }

    @Test
    void completionBody() {
        UsageFacts facts = everyWay("/v1/completions", JSON, fixture("openai-completion.json"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "babbage:2023-07-21-v2", "cmpl-CKz4klHa1MMqAa4hQn3yzIMlLMZHd",
                31, 0, 0, 25, 0, false));
    }

    @Test
    void completionStreamWithUsageAfterUsageNulls() {
        UsageFacts facts = everyWay("/v1/completions", "text/event-stream", fixture("openai-completion-streaming-usage.sse"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "babbage:2023-07-21-v2", "cmpl-CKzHhit4D82m3cp2zRTC2fpTNlJCX",
                31, 0, 0, 25, 0, true));
    }

    @Test
    void embeddingsPassOverTheVectors() {
        UsageFacts facts = everyWay("/v1/embeddings", JSON, fixture("openai-embeddings.json"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "text-embedding-3-small", null, 7, 0, 0, 0, 0, false));
    }

    @Test
    void prefixedDeploymentPathsReadTheSame() {
        byte[] body = fixture("openai-chat-cached.json");

        UsageFacts azure = Feeds.whole("/openai/deployments/gpt-4o/chat/completions?api-version=2024-02-01", JSON, body);

        assertThat(azure).isEqualTo(Feeds.whole(CHAT, JSON, body));
    }
}
