package dev.ingate.translate.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Fixtures;
import dev.ingate.translate.Json;
import dev.ingate.translate.anthropic.AnthropicResponseDecoder;
import dev.ingate.translate.anthropic.AnthropicResponseEncoder;
import dev.ingate.translate.canonical.CanonicalRequest;
import dev.ingate.translate.canonical.CanonicalResponse;
import dev.ingate.translate.canonical.ContentPart;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.Usage;
import dev.ingate.translate.openai.OpenAiChatResponseDecoder;
import dev.ingate.translate.openai.OpenAiChatResponseEncoder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Responses {@code response} objects to and from OpenAI chat completions and Anthropic messages. */
class ResponsesResponseTranslationTest {

    static final Clock NEW_YEAR = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    /** The request the from-openai-chat and from-anthropic answers answer: the response object echoes its settings. */
    static final CanonicalRequest PLAIN = ResponsesRequestDecoder.decode(Fixtures.read("responses/request-plain.json"));

    private final ResponsesResponseEncoder responses = new ResponsesResponseEncoder(NEW_YEAR);

    private static CanonicalResponse decode(String fixture) {
        return ResponsesResponseDecoder.decode(Fixtures.read("responses/" + fixture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-text.json", "response-parallel-tools.json", "response-cached.json", "response-incomplete.json"})
    void toOpenAiChat(String fixture) {
        Encoded encoded = new OpenAiChatResponseEncoder(NEW_YEAR).encode(decode(fixture));

        Fixtures.assertSameJson(encoded.json(), "responses/to-openai-chat/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-text.json", "response-parallel-tools.json", "response-cached.json", "response-incomplete.json"})
    void toAnthropic(String fixture) {
        Encoded encoded = AnthropicResponseEncoder.encode(decode(fixture));

        Fixtures.assertSameJson(encoded.json(), "responses/to-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-cached.json", "response-parallel-tools.json"})
    void fromOpenAiChat(String fixture) {
        Encoded encoded = responses.encode(OpenAiChatResponseDecoder.decode(Fixtures.read("openai/" + fixture)), PLAIN);

        Fixtures.assertSameJson(encoded.json(), "responses/from-openai-chat/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-cached.json", "response-thinking-tools.json", "response-stop-sequence.json"})
    void fromAnthropic(String fixture) {
        Encoded encoded = responses.encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/" + fixture)), PLAIN);

        Fixtures.assertSameJson(encoded.json(), "responses/from-anthropic/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    /** Responses' input_tokens includes the cached ones; counting them again as cache reads would bill them twice. */
    @Test
    void cachedTokensAreNotCountedTwice() {
        Usage usage = decode("response-cached.json").usage();

        assertThat(usage).isEqualTo(new Usage(86, 1920, 0, 300));
        JsonNode back = Json.parse(responses.encode(decode("response-cached.json"), PLAIN).json()).get("usage");
        assertThat(back.get("input_tokens").longValue()).isEqualTo(2006);
        assertThat(back.at("/input_tokens_details/cached_tokens").longValue()).isEqualTo(1920);
        assertThat(back.get("total_tokens").longValue()).isEqualTo(2306);
    }

    /** Anthropic's input_tokens excludes cache reads and writes; Responses' input_tokens includes both. */
    @Test
    void anthropicCacheTokensAreAddedIntoInputTokens() {
        JsonNode usage = Json.parse(responses.encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/response-cached.json")), PLAIN)
                .json()).get("usage");

        assertThat(usage.get("input_tokens").longValue()).isEqualTo(21 + 188086 + 4096);
        assertThat(usage.at("/input_tokens_details/cached_tokens").longValue()).isEqualTo(4096);
        assertThat(usage.at("/input_tokens_details/cache_write_tokens").longValue()).isEqualTo(188086);
        assertThat(usage.get("total_tokens").longValue()).isEqualTo(21 + 188086 + 4096 + 393);
        assertThat(ResponsesResponseDecoder.decode(Json.write(Json.object().set("usage", usage))).usage())
                .isEqualTo(new Usage(21, 4096, 188086, 0 + 393));
    }

    /** Responses has no stop reason for tool calls: function_call items in the output mean the model wants them run. */
    @Test
    void functionCallsInTheOutputMeanToolUse() {
        CanonicalResponse response = decode("response-parallel-tools.json");

        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(response.content()).containsExactly(
                new ContentPart.ToolCall("call_sf", "get_current_weather", "{\"location\":\"San Francisco, CA\",\"unit\":\"celsius\"}"),
                new ContentPart.ToolCall("call_ny", "get_current_weather", "{\"location\":\"New York, NY\"}"));
    }

    @Test
    void anIncompleteResponseStoppedAtTheLimitAndStaysIncompleteGoingBack() {
        CanonicalResponse response = decode("response-incomplete.json");

        assertThat(response.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(response.content().getFirst()).isEqualTo(new ContentPart.Thinking(
                "**Planning the essay**\n\nStart with the printing press.\n\n**Choosing examples**\n\nGutenberg, then the telegraph.", ""));
        JsonNode back = Json.parse(responses.encode(response, PLAIN).json());
        assertThat(back.get("status").stringValue()).isEqualTo("incomplete");
        assertThat(back.at("/incomplete_details/reason").stringValue()).isEqualTo("max_output_tokens");
        assertThat(back.at("/output/1/status").stringValue()).isEqualTo("incomplete");
    }

    @Test
    void everyToolCallOfAnAnthropicAnswerIsItsOwnFunctionCallItem() {
        JsonNode output = Json.parse(responses.encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/response-thinking-tools.json")), PLAIN)
                .json()).get("output");

        assertThat(output.valueStream().map(item -> item.get("type").stringValue()))
                .containsExactly("reasoning", "message", "function_call", "function_call");
        assertThat(output.valueStream().skip(2).map(item -> item.get("call_id").stringValue()))
                .containsExactly("toolu_01A09q90qw90lq917835lq9", "toolu_01B");
        assertThat(output.at("/0/encrypted_content").stringValue()).isEqualTo("EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds");
    }

    @Test
    void theCreatedTimeOfTheSourceIsKeptAndTheClockFillsInWhenItHasNone() {
        assertThat(Json.parse(responses.encode(decode("response-text.json"), PLAIN).json()).get("created_at").longValue())
                .isEqualTo(1741476542L);
        assertThat(Json.parse(responses.encode(AnthropicResponseDecoder.decode(Fixtures.read("anthropic/response-cached.json")), PLAIN)
                .json()).get("created_at").longValue()).isEqualTo(1767225600L);
    }

    @Test
    void builtInToolOutputIsKeptForResponsesAndReportedDroppedForOthers() {
        String json = """
                {"id":"resp_1","object":"response","created_at":1,"status":"completed","model":"gpt-4.1","output":[
                 {"type":"web_search_call","id":"ws_1","status":"completed","action":{"type":"search","query":"news"}},
                 {"type":"message","id":"msg_1","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Here.","annotations":[]}]}]}""";
        CanonicalResponse response = ResponsesResponseDecoder.decode(json);

        assertThat(Json.parse(responses.encode(response, PLAIN).json()).at("/output/0/id").stringValue()).isEqualTo("ws_1");
        assertThat(AnthropicResponseEncoder.encode(response).droppedParams()).containsExactly("content:web_search_call");
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
    }
}
