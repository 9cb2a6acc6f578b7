package dev.ingate.translate.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Fixtures;
import dev.ingate.translate.anthropic.AnthropicRequestDecoder;
import dev.ingate.translate.anthropic.AnthropicRequestEncoder;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.openai.OpenAiChatRequestDecoder;
import dev.ingate.translate.openai.OpenAiChatRequestEncoder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests from Gemini callers to OpenAI and Anthropic upstreams, and the other way round. */
class GeminiRequestTranslationTest {

    private static final String UNMODELLED = "tools:googleSearch safetySettings cachedContent generationConfig.topK "
            + "generationConfig.candidateCount generationConfig.seed generationConfig.thinkingConfig";

    private static CanonicalRequest gemini(String fixture) {
        return GeminiRequestDecoder.decode(GeminiFixtures.GENERATE_PATH, Fixtures.read("gemini/" + fixture));
    }

    private static List<String> names(String spaceSeparated) {
        return spaceSeparated == null ? List.of() : Arrays.asList(spaceSeparated.split(" "));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "request-plain.json, -",
            "request-system.json, -",
            "request-images.json, -",
            "request-tools.json, -",
            "request-tool-round-trip.json, -",
            "request-thinking.json, -",
            "request-json-schema.json, -",
            "request-unmodelled.json, " + UNMODELLED})
    void geminiToOpenAi(String fixture, String dropped) {
        Encoded encoded = OpenAiChatRequestEncoder.encode(gemini(fixture));

        Fixtures.assertSameJson(encoded.json(), "gemini/to-openai/" + fixture);
        assertThat(encoded.droppedParams()).containsExactlyElementsOf(names(dropped));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "request-plain.json, -",
            "request-system.json, -",
            "request-images.json, -",
            "request-tools.json, -",
            "request-tool-round-trip.json, -",
            "request-thinking.json, -",
            "request-json-schema.json, response_format",
            "request-unmodelled.json, " + UNMODELLED})
    void geminiToAnthropic(String fixture, String dropped) {
        Encoded encoded = AnthropicRequestEncoder.encode(gemini(fixture), 4096);

        Fixtures.assertSameJson(encoded.json(), "gemini/to-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).containsExactlyElementsOf(names(dropped));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "request-plain.json, -",
            "request-system.json, -",
            "request-images.json, -",
            "request-tools.json, parallel_tool_calls",
            "request-tool-round-trip.json, -",
            "request-reasoning.json, -",
            "request-stop-and-dropped.json, user n logprobs presence_penalty frequency_penalty seed logit_bias"})
    void openAiToGemini(String fixture, String dropped) {
        Encoded encoded = GeminiRequestEncoder.encode(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "gemini/from-openai/" + fixture);
        assertThat(encoded.droppedParams()).containsExactlyElementsOf(names(dropped));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "request-plain.json, -",
            "request-system.json, -",
            "request-images.json, -",
            "request-tools.json, tools:web_search_20250305 parallel_tool_calls",
            "request-tool-round-trip.json, -",
            "request-thinking.json, -",
            "request-stop-and-dropped.json, user top_k"})
    void anthropicToGemini(String fixture, String dropped) {
        Encoded encoded = GeminiRequestEncoder.encode(AnthropicRequestDecoder.decode(Fixtures.read("anthropic/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "gemini/from-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).containsExactlyElementsOf(names(dropped));
    }
}
