package dev.ingate.translate.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Fixtures;
import dev.ingate.translate.Json;
import dev.ingate.translate.anthropic.AnthropicResponseDecoder;
import dev.ingate.translate.anthropic.AnthropicResponseEncoder;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.Usage;
import dev.ingate.translate.openai.OpenAiChatResponseDecoder;
import dev.ingate.translate.openai.OpenAiChatResponseEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Non-streamed Ollama answers to OpenAI and Anthropic callers, and their answers to an Ollama caller. */
class OllamaResponseTest {

    private final OllamaResponseEncoder ollama = new OllamaResponseEncoder(OllamaFixtures.NEW_YEAR);

    private static CanonicalResponse decode(String fixture) {
        return new OllamaResponseDecoder(OllamaFixtures.ids("t")).decode(Fixtures.read("ollama/" + fixture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-text.json", "response-tools.json", "response-length.json"})
    void ollamaToOpenAi(String fixture) {
        Encoded encoded = new OpenAiChatResponseEncoder(OllamaFixtures.NEW_YEAR).encode(decode(fixture));

        Fixtures.assertSameJson(encoded.json(), "ollama/to-openai/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-text.json", "response-tools.json", "response-length.json"})
    void ollamaToAnthropic(String fixture) {
        Encoded encoded = AnthropicResponseEncoder.encode(decode(fixture));

        Fixtures.assertSameJson(encoded.json(), "ollama/to-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @Test
    void stopWithToolCallsIsToolUseAndLengthIsMaxTokens() {
        assertThat(decode("response-tools.json").stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(decode("response-text.json").stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(decode("response-length.json").stopReason()).isEqualTo(StopReason.MAX_TOKENS);
    }

    @Test
    void countsAreInputAndOutputAndTheTimeIsKept() {
        CanonicalResponse response = decode("response-length.json");

        assertThat(response.usage()).isEqualTo(new Usage(17, 0, 0, 10));
        // 2024-07-22T20:47:51-07:00
        assertThat(response.createdEpochSeconds()).contains(1721706471L);
    }

    /** Ollama gives no ids: the answer and every call get one, never the same twice. */
    @Test
    void idsAreMadeAndDistinct() {
        CanonicalResponse response = new OllamaChatCodec(OllamaFixtures.NEW_YEAR).decodeResponse(Fixtures.read("ollama/response-tools.json"));
        CanonicalResponse again = new OllamaChatCodec(OllamaFixtures.NEW_YEAR).decodeResponse(Fixtures.read("ollama/response-tools.json"));

        assertThat(response.id()).matches("ollama-[0-9a-f]{24}");
        var first = Json.parse(AnthropicResponseEncoder.encode(response).json());
        var second = Json.parse(AnthropicResponseEncoder.encode(again).json());
        assertThat(first.at("/content/1/id").stringValue()).matches("call_[0-9a-f]{24}")
                .isNotEqualTo(first.at("/content/2/id").stringValue())
                .isNotEqualTo(second.at("/content/1/id").stringValue());
    }

    /** An Ollama answer relayed to an Ollama caller keeps its reason, content and counts (not its timings: see the encoder). */
    @ParameterizedTest
    @ValueSource(strings = {"response-length.json", "response-tools.json"})
    void ollamaToOllama(String fixture) {
        Encoded encoded = ollama.encode(decode(fixture));

        Fixtures.assertSameJson(encoded.json(), "ollama/same/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-cached.json", "response-parallel-tools.json"})
    void openAiToOllama(String fixture) {
        Encoded encoded = ollama.encode(OpenAiChatResponseDecoder.decode(Fixtures.read("openai/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "ollama/from-openai/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-cached.json", "response-thinking-tools.json", "response-stop-sequence.json"})
    void anthropicToOllama(String fixture) {
        Encoded encoded = ollama.encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "ollama/from-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    /** Ollama has no cache counts: a prompt is all the tokens evaluated, cached or not. */
    @Test
    void cachedTokensCountInThePrompt() {
        var json = Json.parse(ollama.encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/response-cached.json"))).json());

        assertThat(json.get("prompt_eval_count").longValue()).isEqualTo(21 + 188086 + 4096);
        assertThat(json.get("eval_count").longValue()).isEqualTo(393);
    }
}
