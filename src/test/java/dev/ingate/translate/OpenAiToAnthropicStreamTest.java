package dev.ingate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Fixtures.SseEvent;
import dev.ingate.translate.anthropic.AnthropicEventEncoder;
import dev.ingate.translate.openai.OpenAiChunkDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OpenAI chat.completion.chunk SSE from the upstream, Anthropic Messages SSE to the client. */
class OpenAiToAnthropicStreamTest {

    private static List<SseEvent> translate(String fixture) {
        List<SseEvent> out = Fixtures.translateStream(new StreamTranslator(new OpenAiChunkDecoder(), new AnthropicEventEncoder()),
                "openai/" + fixture);
        // Anthropic names every event, and the name is repeated as the data's type.
        assertThat(out).allSatisfy(event -> assertThat(event.json().get("type").stringValue()).isEqualTo(event.event()));
        return out;
    }

    private static List<String> names(List<SseEvent> events) {
        List<String> names = new ArrayList<>();
        for (SseEvent event : events) {
            String name = event.event();
            if (!name.equals("content_block_delta") || names.isEmpty() || !names.getLast().equals("content_block_delta")) {
                names.add(name);
            }
        }
        return names;
    }

    private static String deltas(List<SseEvent> events, int index, String field) {
        StringBuilder text = new StringBuilder();
        for (SseEvent event : events) {
            JsonNode json = event.json();
            if (event.event().equals("content_block_delta") && json.get("index").intValue() == index) {
                text.append(json.at("/delta/" + field).stringValue());
            }
        }
        return text.toString();
    }

    @Test
    void textStreamOpensAndClosesOneBlockAndEndsWithStopReasonAndUsage() {
        List<SseEvent> events = translate("stream-text.sse");

        assertThat(names(events)).containsExactly("message_start", "content_block_start", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        JsonNode start = events.getFirst().json().get("message");
        assertThat(start.get("id").stringValue()).isEqualTo("chatcmpl-C4Hq5a6K3RaPMymUv70btQNYv6SvY");
        assertThat(start.get("model").stringValue()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(start.get("role").stringValue()).isEqualTo("assistant");
        assertThat(events.get(1).json().at("/content_block/type").stringValue()).isEqualTo("text");
        assertThat(deltas(events, 0, "text")).isEqualTo("The contract renews on 1 March.");
        JsonNode messageDelta = events.get(events.size() - 2).json();
        assertThat(messageDelta.at("/delta/stop_reason").stringValue()).isEqualTo("end_turn");
        // prompt_tokens 2006 includes the 1920 cached ones; Anthropic's input_tokens does not.
        assertThat(messageDelta.at("/usage/input_tokens").longValue()).isEqualTo(86);
        assertThat(messageDelta.at("/usage/cache_read_input_tokens").longValue()).isEqualTo(1920);
        assertThat(messageDelta.at("/usage/cache_creation_input_tokens").longValue()).isEqualTo(0);
        assertThat(messageDelta.at("/usage/output_tokens").longValue()).isEqualTo(300);
    }

    @Test
    void textThenTwoToolCallsBecomeThreeBlocksEachClosedBeforeTheNextOpens() {
        List<SseEvent> events = translate("stream-parallel-tools.sse");

        assertThat(names(events)).containsExactly("message_start",
                "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        List<JsonNode> starts = events.stream().filter(event -> event.event().equals("content_block_start")).map(SseEvent::json).toList();
        assertThat(starts).extracting(start -> start.get("index").intValue()).containsExactly(0, 1, 2);
        assertThat(starts.get(1).at("/content_block/type").stringValue()).isEqualTo("tool_use");
        assertThat(starts.get(1).at("/content_block/id").stringValue()).isEqualTo("call_sf");
        assertThat(starts.get(2).at("/content_block/id").stringValue()).isEqualTo("call_ny");
        assertThat(starts.get(2).at("/content_block/name").stringValue()).isEqualTo("get_current_weather");

        Map<Integer, String> arguments = new TreeMap<>(Map.of(1, deltas(events, 1, "partial_json"), 2, deltas(events, 2, "partial_json")));
        assertThat(Json.parse(arguments.get(1))).isEqualTo(Json.parse("{\"location\": \"San Francisco, CA\", \"unit\": \"celsius\"}"));
        assertThat(Json.parse(arguments.get(2))).isEqualTo(Json.parse("{\"location\": \"New York, NY\"}"));
        assertThat(deltas(events, 0, "text")).isEqualTo("Checking both.");
        JsonNode messageDelta = events.get(events.size() - 2).json();
        assertThat(messageDelta.at("/delta/stop_reason").stringValue()).isEqualTo("tool_use");
        assertThat(messageDelta.at("/usage/input_tokens").longValue()).isEqualTo(155);
        assertThat(messageDelta.at("/usage/output_tokens").longValue()).isEqualTo(47);
    }

    @Test
    void reasoningContentBecomesAThinkingBlockBeforeTheText() {
        List<SseEvent> events = translate("stream-reasoning.sse");

        List<JsonNode> starts = events.stream().filter(event -> event.event().equals("content_block_start")).map(SseEvent::json).toList();
        assertThat(starts).extracting(start -> start.at("/content_block/type").stringValue()).containsExactly("thinking", "text");
        assertThat(deltas(events, 0, "thinking")).isEqualTo("453 = 400 + 50 + 3, so 27 * 453 = 12231.");
        assertThat(deltas(events, 1, "text")).isEqualTo("12,231");
        assertThat(events.get(events.size() - 2).json().at("/usage/output_tokens").longValue()).isEqualTo(60);
        assertThat(events.getLast().event()).isEqualTo("message_stop");
    }

    @Test
    void anUpstreamErrorBecomesAnAnthropicErrorEvent() {
        List<SseEvent> events = translate("stream-error.sse");

        assertThat(names(events)).containsExactly("message_start", "content_block_start", "content_block_delta", "error");
        JsonNode error = events.getLast().json().get("error");
        assertThat(error.get("type").stringValue()).isEqualTo("api_error");
        assertThat(error.get("message").stringValue()).startsWith("The server had an error");
    }

    @Test
    void aStreamThatEndsWithoutDoneIsStillClosedProperly() {
        StreamTranslator translator = new StreamTranslator(new OpenAiChunkDecoder(), new AnthropicEventEncoder());
        List<String> frames = new ArrayList<>();
        for (SseEvent event : Fixtures.parseSse(Fixtures.read("openai/stream-text.sse"))) {
            if (!event.data().equals("[DONE]")) {
                frames.addAll(translator.translate(event.event(), event.data()));
            }
        }
        assertThat(String.join("", frames)).doesNotContain("message_stop");

        List<SseEvent> tail = Fixtures.parseSse(String.join("", translator.end()));

        assertThat(tail).extracting(SseEvent::event).containsExactly("message_delta", "message_stop");
        assertThat(translator.end()).isEmpty();
    }

    /** Some OpenAI-compatible servers send each call whole, in one chunk, and without an index. */
    @Test
    void wholeToolCallsWithoutAnIndexStillBecomeOneBlockEach() {
        StreamTranslator translator = new StreamTranslator(new OpenAiChunkDecoder(), new AnthropicEventEncoder());
        String chunk = """
                {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant",
                "tool_calls":[{"id":"call_a","type":"function","function":{"name":"f","arguments":"{\\"x\\":1}"}},
                {"id":"call_b","type":"function","function":{"name":"g","arguments":"{\\"y\\":2}"}}]},"finish_reason":"tool_calls"}]}""";
        StringBuilder out = new StringBuilder();
        translator.translate(null, chunk).forEach(out::append);
        translator.translate(null, "[DONE]").forEach(out::append);
        List<SseEvent> events = Fixtures.parseSse(out.toString());

        List<JsonNode> starts = events.stream().filter(event -> event.event().equals("content_block_start")).map(SseEvent::json).toList();
        assertThat(starts).extracting(start -> start.at("/content_block/id").stringValue()).containsExactly("call_a", "call_b");
        assertThat(Json.parse(deltas(events, 0, "partial_json"))).isEqualTo(Json.parse("{\"x\":1}"));
        assertThat(Json.parse(deltas(events, 1, "partial_json"))).isEqualTo(Json.parse("{\"y\":2}"));
        assertThat(names(events)).containsExactly("message_start", "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
    }
}
