package dev.ingate.translate.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Fixtures;
import dev.ingate.translate.Json;
import dev.ingate.translate.anthropic.AnthropicRequestDecoder;
import dev.ingate.translate.anthropic.AnthropicRequestEncoder;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.ImageSource;
import dev.ingate.translate.openai.OpenAiChatRequestDecoder;
import dev.ingate.translate.openai.OpenAiChatRequestEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ollama /api/chat requests to OpenAI and Anthropic upstreams, and OpenAI and Anthropic requests to an Ollama upstream. */
class OllamaRequestTest {

    private static CanonicalRequest ollama(String fixture) {
        return OllamaRequestDecoder.decode(Fixtures.read("ollama/" + fixture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-plain.json", "request-system.json", "request-images.json", "request-tools.json",
            "request-tool-round-trip.json", "request-think.json", "request-format-json.json", "request-format-schema.json"})
    void ollamaToOpenAiWithNothingDropped(String fixture) {
        Encoded encoded = OpenAiChatRequestEncoder.encode(ollama(fixture));

        Fixtures.assertSameJson(encoded.json(), "ollama/to-openai/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-plain.json", "request-system.json", "request-images.json", "request-tools.json",
            "request-tool-round-trip.json", "request-think.json"})
    void ollamaToAnthropicWithNothingDropped(String fixture) {
        Encoded encoded = AnthropicRequestEncoder.encode(ollama(fixture), 4096);

        Fixtures.assertSameJson(encoded.json(), "ollama/to-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-format-json.json", "request-format-schema.json"})
    void anthropicHasNoPlaceForTheFormat(String fixture) {
        Encoded encoded = AnthropicRequestEncoder.encode(ollama(fixture), 4096);

        Fixtures.assertSameJson(encoded.json(), "ollama/to-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).containsExactly("response_format");
    }

    @Test
    void optionsWithoutACanonicalFieldAreListedByWhereTheyWere() {
        Encoded toOpenAi = OpenAiChatRequestEncoder.encode(ollama("request-options.json"));
        Encoded toAnthropic = AnthropicRequestEncoder.encode(ollama("request-options.json"), 4096);

        Fixtures.assertSameJson(toOpenAi.json(), "ollama/to-openai/request-options.json");
        Fixtures.assertSameJson(toAnthropic.json(), "ollama/to-anthropic/request-options.json");
        List<String> expected = List.of("think", "keep_alive", "options.seed", "options.top_k", "options.num_ctx",
                "options.num_predict", "options.repeat_penalty");
        assertThat(toOpenAi.droppedParams()).isEqualTo(expected);
        assertThat(toAnthropic.droppedParams()).isEqualTo(expected);
    }

    @Test
    void anAbsentStreamMeansStreaming() {
        assertThat(ollama("request-plain.json").stream()).isTrue();
        assertThat(ollama("request-system.json").stream()).isFalse();
    }

    @Test
    void theEncoderAlwaysSaysWhetherToStream() {
        var streamed = Json.parse(OllamaRequestEncoder.encode(ollama("request-plain.json")).json());
        var notStreamed = Json.parse(OllamaRequestEncoder.encode(
                OpenAiChatRequestDecoder.decode(Fixtures.read("openai/request-plain.json"))).json());

        assertThat(streamed.get("stream").isBoolean()).isTrue();
        assertThat(streamed.get("stream").booleanValue()).isTrue();
        assertThat(notStreamed.get("stream").isBoolean()).isTrue();
        assertThat(notStreamed.get("stream").booleanValue()).isFalse();
    }

    @Test
    void imagesGetAMediaTypeFromTheirFirstBytes() {
        List<ContentPart> parts = ollama("request-images.json").messages().getFirst().parts();

        assertThat(parts).containsExactly(new ContentPart.Text("what is in these images?"),
                new ContentPart.Image(new ImageSource.Base64("image/png",
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")),
                new ContentPart.Image(new ImageSource.Base64("image/jpeg", "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQ==")));
    }

    /** Results name their tool (or nothing): each is paired with the first unanswered call of that name, else the first one left. */
    @Test
    void toolResultsArePairedWithTheCallsBeforeThem() {
        CanonicalRequest request = ollama("request-tool-round-trip.json");

        assertThat(request.messages().get(1).parts()).extracting(part -> ((ContentPart.ToolCall) part).id())
                .containsExactly("call_0", "call_1", "call_2");
        assertThat(request.messages().get(2).parts()).containsExactly(
                new ContentPart.ToolResult("call_1", List.of(new ContentPart.Text("09:30")), false),
                new ContentPart.ToolResult("call_0", List.of(new ContentPart.Text("18C, cloudy")), false),
                new ContentPart.ToolResult("call_2", List.of(new ContentPart.Text("25C, sunny")), false));
        assertThat(request.messages().get(3).parts()).containsExactly(new ContentPart.Text("Which is warmer?"));
    }

    @Test
    void idsSentByNewerOllamaVersionsAreKept() {
        String json = """
                {"model":"qwen3","messages":[{"role":"user","content":"hi"},
                {"role":"assistant","content":"","tool_calls":[{"id":"call_a","function":{"name":"f","arguments":{}}},
                {"id":"call_b","function":{"name":"f","arguments":{"x":1}}}]},
                {"role":"tool","tool_call_id":"call_b","content":"B"},{"role":"tool","tool_name":"f","content":"A"}]}""";
        CanonicalRequest request = OllamaRequestDecoder.decode(json);

        assertThat(request.messages().get(1).parts()).extracting(part -> ((ContentPart.ToolCall) part).id()).containsExactly("call_a", "call_b");
        assertThat(request.messages().get(2).parts()).extracting(part -> ((ContentPart.ToolResult) part).toolCallId())
                .containsExactly("call_b", "call_a");
    }

    @Test
    void thinkLevelsBecomeBudgetsAndBack() {
        assertThat(ollama("request-think.json").thinkingBudget()).contains(4096);
        assertThat(OllamaRequestDecoder.decode("{\"model\":\"m\",\"messages\":[],\"think\":true}").thinkingBudget()).contains(2048);
        assertThat(OllamaRequestDecoder.decode("{\"model\":\"m\",\"messages\":[],\"think\":\"low\"}").thinkingBudget()).contains(1024);
        assertThat(ollama("request-options.json").thinkingBudget()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-plain.json", "request-system.json", "request-reasoning.json"})
    void openAiToOllamaWithNothingDropped(String fixture) {
        Encoded encoded = OllamaRequestEncoder.encode(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "ollama/from-openai/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @Test
    void anImageByUrlCannotGoToOllamaAndIsListed() {
        Encoded fromOpenAi = OllamaRequestEncoder.encode(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/request-images.json")));
        Encoded fromAnthropic = OllamaRequestEncoder.encode(AnthropicRequestDecoder.decode(Fixtures.read("anthropic/request-images.json")));

        Fixtures.assertSameJson(fromOpenAi.json(), "ollama/from-openai/request-images.json");
        Fixtures.assertSameJson(fromAnthropic.json(), "ollama/from-anthropic/request-images.json");
        assertThat(fromOpenAi.droppedParams()).containsExactly("messages[].content[].image_url");
        assertThat(fromAnthropic.droppedParams()).containsExactly("messages[].content[].image_url");
    }

    /** Results go back by tool name, right after the calls; "required" has no Ollama equivalent. */
    @Test
    void anOpenAiToolRoundTripBecomesToolMessagesNamingTheirTool() {
        Encoded encoded = OllamaRequestEncoder.encode(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/request-tool-round-trip.json")));

        Fixtures.assertSameJson(encoded.json(), "ollama/from-openai/request-tool-round-trip.json");
        assertThat(encoded.droppedParams()).containsExactly("tool_choice");
    }

    /** Ollama has no tool choice; OpenAI's seed and penalties are Ollama options of the same meaning. */
    @Test
    void openAiParametersOllamaHasNoPlaceForAreListed() {
        Encoded tools = OllamaRequestEncoder.encode(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/request-tools.json")));
        Encoded stop = OllamaRequestEncoder.encode(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/request-stop-and-dropped.json")));

        Fixtures.assertSameJson(tools.json(), "ollama/from-openai/request-tools.json");
        assertThat(tools.droppedParams()).containsExactly("tool_choice", "parallel_tool_calls");
        Fixtures.assertSameJson(stop.json(), "ollama/from-openai/request-stop-and-dropped.json");
        assertThat(stop.droppedParams()).containsExactly("user", "n", "logprobs", "logit_bias");
    }

    @ParameterizedTest
    @ValueSource(strings = {"request-plain.json", "request-system.json", "request-tool-round-trip.json", "request-thinking.json"})
    void anthropicToOllamaWithNothingDropped(String fixture) {
        Encoded encoded = OllamaRequestEncoder.encode(AnthropicRequestDecoder.decode(Fixtures.read("anthropic/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "ollama/from-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @Test
    void anthropicParametersOllamaHasNoPlaceForAreListed() {
        Encoded tools = OllamaRequestEncoder.encode(AnthropicRequestDecoder.decode(Fixtures.read("anthropic/request-tools.json")));
        Encoded stop = OllamaRequestEncoder.encode(AnthropicRequestDecoder.decode(Fixtures.read("anthropic/request-stop-and-dropped.json")));

        Fixtures.assertSameJson(tools.json(), "ollama/from-anthropic/request-tools.json");
        assertThat(tools.droppedParams()).containsExactly("tools:web_search_20250305", "tool_choice", "parallel_tool_calls");
        // top_k is an Ollama option too, so it is kept.
        Fixtures.assertSameJson(stop.json(), "ollama/from-anthropic/request-stop-and-dropped.json");
        assertThat(stop.droppedParams()).containsExactly("tool_choice", "user");
    }
}
