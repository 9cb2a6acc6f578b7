package dev.ingate.observe.usage;

import org.junit.jupiter.api.Test;

import static dev.ingate.observe.usage.Feeds.JSON;
import static dev.ingate.observe.usage.Feeds.SSE;
import static dev.ingate.observe.usage.Feeds.everyWay;
import static dev.ingate.observe.usage.Feeds.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** Gemini: promptTokenCount includes the cache, candidatesTokenCount excludes the thoughts. */
class GeminiUsageTest {

    private static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
    private static final String STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent";

    @Test
    void bodyWithCacheAndThoughts() {
        UsageFacts facts = everyWay(GENERATE, JSON, fixture("gemini-generate-content.json"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "gemini-2.5-flash", "mTeNaOyDIcP4xN8PvtjJ0AQ",
                4210, 4096, 0, 12 + 340, 340, false));
        assertThat(facts.totalTokens()).as("Gemini's own totalTokenCount").isEqualTo(4562);
        assertThat(facts.uncachedInputTokens()).isEqualTo(114);
    }

    @Test
    void sseStreamTakesTheLastChunksFigures() {
        UsageFacts facts = everyWay(STREAM + "?alt=sse", SSE, fixture("gemini-streaming.sse"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "gemini-2.5-flash", "Wj2NaNPjHLeo1dkPx6uFgAg", 9, 0, 0, 10 + 121, 121, true));
        assertThat(facts.totalTokens()).isEqualTo(140);
    }

    @Test
    void streamWithoutAltSseIsOneJsonArray() {
        UsageFacts facts = everyWay(STREAM, JSON, fixture("gemini-streaming-array.json"));

        assertThat(facts).isEqualTo(new UsageFacts(true, "gemini-2.5-flash", "Wj2NaNPjHLeo1dkPx6uFgAg", 9, 0, 0, 131, 121, false));
    }

    @Test
    void vertexPathsReadTheSame() {
        byte[] body = fixture("gemini-generate-content.json");

        UsageFacts facts = Feeds.whole("/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent",
                JSON, body);

        assertThat(facts).isEqualTo(Feeds.whole(GENERATE, JSON, body));
    }
}
