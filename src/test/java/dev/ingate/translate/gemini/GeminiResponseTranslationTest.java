package dev.ingate.translate.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Fixtures;
import dev.ingate.translate.Json;
import dev.ingate.translate.anthropic.AnthropicResponseDecoder;
import dev.ingate.translate.anthropic.AnthropicResponseEncoder;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.Usage;
import dev.ingate.translate.openai.OpenAiChatResponseDecoder;
import dev.ingate.translate.openai.OpenAiChatResponseEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GeminiResponseTranslationTest {

    private final OpenAiChatResponseEncoder openAi = new OpenAiChatResponseEncoder(GeminiFixtures.NEW_YEAR);

    private static CanonicalResponse gemini(String fixture) {
        return GeminiResponseDecoder.decode(Fixtures.read("gemini/" + fixture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-text.json", "response-function-calls.json", "response-cached.json", "response-max-tokens.json"})
    void geminiToOpenAi(String fixture) {
        Encoded encoded = openAi.encode(gemini(fixture));

        Fixtures.assertSameJson(encoded.json(), "gemini/to-openai/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-text.json", "response-function-calls.json", "response-cached.json", "response-max-tokens.json"})
    void geminiToAnthropic(String fixture) {
        Encoded encoded = AnthropicResponseEncoder.encode(gemini(fixture));

        Fixtures.assertSameJson(encoded.json(), "gemini/to-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-cached.json", "response-parallel-tools.json"})
    void openAiToGemini(String fixture) {
        Encoded encoded = GeminiResponseEncoder.encode(OpenAiChatResponseDecoder.decode(Fixtures.read("openai/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "gemini/from-openai/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-cached.json", "response-thinking-tools.json"})
    void anthropicToGemini(String fixture) {
        Encoded encoded = GeminiResponseEncoder.encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "gemini/from-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    /** promptTokenCount 4210 includes the 4096 cached; thoughts (340) are output like the 12 candidate tokens. */
    @Test
    void cachedTokensAreNotCountedTwiceAndThoughtsCountAsOutput() {
        Usage usage = gemini("response-cached.json").usage();

        assertThat(usage).isEqualTo(new Usage(114, 4096, 0, 352));
        assertThat(usage.promptTokensIncludingCache() + usage.outputTokens()).isEqualTo(4562);
    }

    @Test
    void anthropicCacheWritesAreFoldedIntoThePromptCount() {
        var usage = Json.parse(GeminiResponseEncoder.encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/response-cached.json"))).json())
                .get("usageMetadata");

        assertThat(usage.get("promptTokenCount").longValue()).isEqualTo(21 + 188086 + 4096);
        assertThat(usage.get("cachedContentTokenCount").longValue()).isEqualTo(4096);
        assertThat(usage.get("totalTokenCount").longValue()).isEqualTo(21 + 188086 + 4096 + 393);
    }

    @Test
    void functionCallsMakeAToolUseStopThoughGeminiSaysStop() {
        CanonicalResponse response = gemini("response-function-calls.json");

        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(response.content()).filteredOn(ContentPart.ToolCall.class::isInstance)
                .extracting(part -> ((ContentPart.ToolCall) part).id())
                .containsExactly("call_Wj2NaNPjHLeo1dkPx6uFgAg_0", "call_Wj2NaNPjHLeo1dkPx6uFgAg_1");
    }

    @ParameterizedTest
    @CsvSource({"STOP, END_TURN", "MAX_TOKENS, MAX_TOKENS", "SAFETY, CONTENT_FILTER", "RECITATION, CONTENT_FILTER",
            "PROHIBITED_CONTENT, CONTENT_FILTER", "MALFORMED_FUNCTION_CALL, OTHER", "FINISH_REASON_UNSPECIFIED, OTHER"})
    void finishReasons(String finishReason, StopReason expected) {
        String json = """
                {"candidates":[{"content":{"parts":[{"text":"a"}],"role":"model"},"finishReason":"%s","index":0}]}""".formatted(finishReason);

        assertThat(GeminiResponseDecoder.decode(json).stopReason()).isEqualTo(expected);
    }

    @Test
    void aBlockedPromptIsAContentFilterStopWithNoContent() {
        String json = """
                {"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[]},"usageMetadata":{"promptTokenCount":8,"totalTokenCount":8}}""";
        CanonicalResponse response = GeminiResponseDecoder.decode(json);

        assertThat(response.stopReason()).isEqualTo(StopReason.CONTENT_FILTER);
        assertThat(response.content()).isEmpty();
        assertThat(response.usage()).isEqualTo(new Usage(8, 0, 0, 0));
    }

    @Test
    void stopReasonsGoBackAsGeminiFinishReasons() {
        var maxTokens = Json.parse(GeminiResponseEncoder.encode(gemini("response-max-tokens.json")).json());
        var toolUse = Json.parse(GeminiResponseEncoder.encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/response-thinking-tools.json"))).json());

        assertThat(maxTokens.at("/candidates/0/finishReason").stringValue()).isEqualTo("MAX_TOKENS");
        assertThat(toolUse.at("/candidates/0/finishReason").stringValue()).isEqualTo("STOP");
    }
}
