package dev.ingate.translate.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Fixtures;
import dev.ingate.translate.Json;
import dev.ingate.translate.anthropic.AnthropicRequestDecoder;
import dev.ingate.translate.anthropic.AnthropicRequestEncoder;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.Role;
import dev.ingate.translate.openai.OpenAiChatRequestDecoder;
import dev.ingate.translate.openai.OpenAiChatRequestEncoder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Responses requests to and from OpenAI chat and Anthropic, and back to Responses. */
class ResponsesRequestTranslationTest {

    private static CanonicalRequest responses(String fixture) {
        return ResponsesRequestDecoder.decode(Fixtures.read("responses/" + fixture));
    }

    static Stream<Arguments> toOpenAiChat() {
        return Stream.of(
                Arguments.of("request-plain.json", List.of()),
                Arguments.of("request-instructions.json", List.of()),
                Arguments.of("request-images.json", List.of()),
                Arguments.of("request-tools.json", List.of("tools:web_search")),
                Arguments.of("request-tool-round-trip.json", List.of()),
                Arguments.of("request-reasoning.json", List.of("reasoning", "include", "store")),
                Arguments.of("request-stateful-and-dropped.json",
                        List.of("text", "previous_response_id", "store", "truncation", "service_tier", "metadata")));
    }

    @ParameterizedTest
    @MethodSource
    void toOpenAiChat(String fixture, List<String> dropped) {
        Encoded encoded = OpenAiChatRequestEncoder.encode(responses(fixture));

        Fixtures.assertSameJson(encoded.json(), "responses/to-openai-chat/" + fixture);
        assertThat(encoded.droppedParams()).isEqualTo(dropped);
    }

    static Stream<Arguments> toAnthropic() {
        return Stream.of(
                Arguments.of("request-plain.json", List.of()),
                Arguments.of("request-instructions.json", List.of()),
                Arguments.of("request-images.json", List.of()),
                Arguments.of("request-tools.json", List.of("tools:web_search")),
                Arguments.of("request-tool-round-trip.json", List.of()),
                Arguments.of("request-reasoning.json", List.of("content:reasoning", "reasoning", "include", "store")),
                Arguments.of("request-stateful-and-dropped.json",
                        List.of("response_format", "text", "previous_response_id", "store", "truncation", "service_tier", "metadata")));
    }

    @ParameterizedTest
    @MethodSource
    void toAnthropic(String fixture, List<String> dropped) {
        Encoded encoded = AnthropicRequestEncoder.encode(responses(fixture), 4096);

        Fixtures.assertSameJson(encoded.json(), "responses/to-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).isEqualTo(dropped);
    }

    static Stream<Arguments> fromOpenAiChat() {
        return Stream.of(
                Arguments.of("request-plain.json", List.of()),
                Arguments.of("request-system.json", List.of()),
                Arguments.of("request-images.json", List.of()),
                Arguments.of("request-tools.json", List.of()),
                Arguments.of("request-tool-round-trip.json", List.of()),
                Arguments.of("request-reasoning.json", List.of()),
                Arguments.of("request-stop-and-dropped.json",
                        List.of("stop", "n", "logprobs", "presence_penalty", "frequency_penalty", "seed", "logit_bias")));
    }

    @ParameterizedTest
    @MethodSource
    void fromOpenAiChat(String fixture, List<String> dropped) {
        Encoded encoded = ResponsesRequestEncoder.encode(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "responses/from-openai-chat/" + fixture);
        assertThat(encoded.droppedParams()).isEqualTo(dropped);
    }

    static Stream<Arguments> fromAnthropic() {
        return Stream.of(
                Arguments.of("request-plain.json", List.of()),
                Arguments.of("request-system.json", List.of()),
                Arguments.of("request-images.json", List.of()),
                Arguments.of("request-tools.json", List.of("tools:web_search_20250305")),
                Arguments.of("request-tool-round-trip.json", List.of()),
                Arguments.of("request-thinking.json", List.of()),
                Arguments.of("request-stop-and-dropped.json", List.of("stop", "top_k")));
    }

    @ParameterizedTest
    @MethodSource
    void fromAnthropic(String fixture, List<String> dropped) {
        Encoded encoded = ResponsesRequestEncoder.encode(AnthropicRequestDecoder.decode(Fixtures.read("anthropic/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "responses/from-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).isEqualTo(dropped);
    }

    @ParameterizedTest
    @MethodSource("toOpenAiChat")
    void backToResponsesNothingIsDropped(String fixture, List<String> ignored) {
        Encoded encoded = ResponsesRequestEncoder.encode(responses(fixture));

        Fixtures.assertSameJson(encoded.json(), "responses/round-trip/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    /** Function calls and their outputs are separate items in Responses; canonically they group into turns. */
    @Test
    void functionCallItemsGroupIntoAnAssistantTurnAndOutputsIntoAUserTurn() {
        CanonicalRequest request = responses("request-tool-round-trip.json");

        assertThat(request.messages()).extracting(message -> message.role())
                .containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(request.messages().get(1).parts()).containsExactly(
                new ContentPart.ToolCall("call_paris", "get_weather", "{\"city\":\"Paris\"}"),
                new ContentPart.ToolCall("call_tokyo", "get_weather", "{\"city\":\"Tokyo\"}"));
        assertThat(request.messages().get(2).parts()).containsExactly(
                new ContentPart.ToolResult("call_paris", List.of(new ContentPart.Text("18C, cloudy")), false),
                new ContentPart.ToolResult("call_tokyo", List.of(new ContentPart.Text("25C, sunny")), false),
                new ContentPart.Text("Which is warmer?"));
    }

    @Test
    void previousResponseIdGoesToAResponsesUpstreamAndIsReportedDroppedForOthers() {
        CanonicalRequest request = responses("request-stateful-and-dropped.json");

        assertThat(request.extras().rawJsonByName()).containsKey("previous_response_id");
        assertThat(Json.parse(ResponsesRequestEncoder.encode(request).json()).get("previous_response_id").stringValue())
                .isEqualTo("resp_68af4030592c81938ec0a5fbab4a3e9f05438e46b5f69a3b");
        assertThat(OpenAiChatRequestEncoder.encode(request).droppedParams()).contains("previous_response_id");
        assertThat(AnthropicRequestEncoder.encode(request, 4096).droppedParams()).contains("previous_response_id");
    }

    @Test
    void effortNoneIsKeptForResponsesRatherThanLeftToTheModelDefault() {
        CanonicalRequest request = ResponsesRequestDecoder.decode("""
                {"model":"gpt-5.1","input":"hi","reasoning":{"effort":"none"}}""");

        assertThat(request.thinkingBudget()).isEmpty();
        assertThat(Json.parse(ResponsesRequestEncoder.encode(request).json()).at("/reasoning/effort").stringValue()).isEqualTo("none");
    }

    @Test
    void aBuiltInToolChoiceGoesBackToResponsesOnly() {
        CanonicalRequest request = ResponsesRequestDecoder.decode("""
                {"model":"gpt-4.1","input":"news?","tools":[{"type":"web_search"}],"tool_choice":{"type":"web_search"}}""");

        assertThat(request.toolChoice()).isEmpty();
        assertThat(Json.parse(ResponsesRequestEncoder.encode(request).json()).at("/tool_choice/type").stringValue()).isEqualTo("web_search");
        assertThat(OpenAiChatRequestEncoder.encode(request).droppedParams()).containsExactly("tools:web_search", "tool_choice");
    }

    /** Responses tools are strict by default: a schema that strict mode would reject must go out non-strict. */
    @Test
    void strictIsSetFromTheSchema() {
        String json = ResponsesRequestEncoder.encode(OpenAiChatRequestDecoder.decode("""
                {"model":"gpt-4.1","messages":[{"role":"user","content":"hi"}],"tools":[
                 {"type":"function","function":{"name":"open","parameters":{"type":"object","properties":{"a":{"type":"string"}}}}},
                 {"type":"function","function":{"name":"closed","parameters":{"type":"object","properties":{"a":{"type":"string"}},
                  "required":["a"],"additionalProperties":false}}},
                 {"type":"function","function":{"name":"nestedOpen","parameters":{"type":"object","properties":{"a":{"type":"object",
                  "properties":{"b":{"type":"string"}}}},"required":["a"],"additionalProperties":false}}}]}""")).json();

        assertThat(Json.parse(json).get("tools").valueStream().map(tool -> tool.get("strict").booleanValue()))
                .containsExactly(false, true, false);
    }

    /**
     * Reasoning that Ingate made from Anthropic thinking comes back with its signature in encrypted_content: it must
     * reach Anthropic again as signed thinking, and never reach OpenAI, which does not know its id.
     */
    @Test
    void reasoningMadeFromAnthropicThinkingGoesBackToAnthropicSignedAndNotToOpenAi() {
        CanonicalRequest request = ResponsesRequestDecoder.decode("""
                {"model":"claude-sonnet-4-20250514","input":[
                 {"role":"user","content":"Weather in Paris?"},
                 {"type":"reasoning","id":"rs_ingate_msg_01A_0","summary":[{"type":"summary_text","text":"Look it up."}],
                  "encrypted_content":"EqQBCgIYAhIM"},
                 {"type":"function_call","call_id":"toolu_01A","name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"},
                 {"type":"function_call_output","call_id":"toolu_01A","output":"18C"}]}""");

        var anthropic = Json.parse(AnthropicRequestEncoder.encode(request, 4096).json());
        assertThat(anthropic.at("/messages/1/content/0/type").stringValue()).isEqualTo("thinking");
        assertThat(anthropic.at("/messages/1/content/0/thinking").stringValue()).isEqualTo("Look it up.");
        assertThat(anthropic.at("/messages/1/content/0/signature").stringValue()).isEqualTo("EqQBCgIYAhIM");
        Encoded toResponses = ResponsesRequestEncoder.encode(request);
        assertThat(toResponses.json()).doesNotContain("rs_ingate_");
        assertThat(toResponses.droppedParams()).isEmpty();
    }

    @Test
    void stopSequencesHaveNoPlaceInResponses() {
        Encoded encoded = ResponsesRequestEncoder.encode(OpenAiChatRequestDecoder.decode(Fixtures.read("openai/request-stop-and-dropped.json")));

        assertThat(Json.parse(encoded.json()).has("stop")).isFalse();
        assertThat(encoded.droppedParams()).first().isEqualTo("stop");
    }
}
