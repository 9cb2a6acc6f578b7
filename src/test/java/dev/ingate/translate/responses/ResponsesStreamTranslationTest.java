package dev.ingate.translate.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Fixtures;
import dev.ingate.translate.Fixtures.SseEvent;
import dev.ingate.translate.Json;
import dev.ingate.translate.StreamTranslator;
import dev.ingate.translate.anthropic.AnthropicEventDecoder;
import dev.ingate.translate.anthropic.AnthropicEventEncoder;
import dev.ingate.translate.canonical.StopReason;
import dev.ingate.translate.canonical.StreamEvent;
import dev.ingate.translate.canonical.Usage;
import dev.ingate.translate.openai.OpenAiChunkDecoder;
import dev.ingate.translate.openai.OpenAiChunkEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Responses SSE to and from OpenAI chat chunks and Anthropic events, compared event by event. */
class ResponsesStreamTranslationTest {

    private static final java.time.Clock CLOCK = ResponsesResponseTranslationTest.NEW_YEAR;

    private static ResponsesEventEncoder responsesEncoder() {
        return new ResponsesEventEncoder(ResponsesResponseTranslationTest.PLAIN, CLOCK);
    }

    static void assertSameStream(List<SseEvent> actual, String expectedFixture) {
        List<SseEvent> expected = Fixtures.parseSse(Fixtures.read(expectedFixture));
        assertThat(actual).extracting(SseEvent::event).as(expectedFixture).isEqualTo(expected.stream().map(SseEvent::event).toList());
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).data().equals("[DONE]")) {
                assertThat(actual.get(i).data()).isEqualTo("[DONE]");
            } else {
                assertThat(actual.get(i).json()).as("%s event %d", expectedFixture, i).isEqualTo(expected.get(i).json());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text.sse", "stream-parallel-tools.sse", "stream-reasoning.sse", "stream-failed.sse", "stream-error.sse"})
    void toOpenAiChat(String fixture) {
        List<SseEvent> out = Fixtures.translateStream(new StreamTranslator(new ResponsesEventDecoder(), new OpenAiChunkEncoder(true, CLOCK)),
                "responses/" + fixture);

        assertSameStream(out, "responses/to-openai-chat/" + fixture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text.sse", "stream-parallel-tools.sse", "stream-reasoning.sse", "stream-failed.sse", "stream-error.sse"})
    void toAnthropic(String fixture) {
        List<SseEvent> out = Fixtures.translateStream(new StreamTranslator(new ResponsesEventDecoder(), new AnthropicEventEncoder()),
                "responses/" + fixture);

        assertSameStream(out, "responses/to-anthropic/" + fixture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text.sse", "stream-parallel-tools.sse", "stream-reasoning.sse", "stream-error.sse"})
    void fromOpenAiChat(String fixture) {
        List<SseEvent> out = Fixtures.translateStream(new StreamTranslator(new OpenAiChunkDecoder(), responsesEncoder()), "openai/" + fixture);

        assertSameStream(out, "responses/from-openai-chat/" + fixture);
        assertWellFormed(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text.sse", "stream-parallel-tools.sse", "stream-thinking.sse", "stream-error.sse"})
    void fromAnthropic(String fixture) {
        List<SseEvent> out = Fixtures.translateStream(new StreamTranslator(new AnthropicEventDecoder(), responsesEncoder()), "anthropic/" + fixture);

        assertSameStream(out, "responses/from-anthropic/" + fixture);
        assertWellFormed(out);
    }

    /** Every event is named as its type, and sequence numbers count 0, 1, 2… without a gap. */
    private static void assertWellFormed(List<SseEvent> events) {
        assertThat(events).allSatisfy(event -> assertThat(event.json().get("type").stringValue()).isEqualTo(event.event()));
        assertThat(events.stream().map(event -> event.json().get("sequence_number").intValue()))
                .containsExactlyElementsOf(IntStream.range(0, events.size()).boxed().toList());
    }

    private static List<JsonNode> ofType(List<SseEvent> events, String type) {
        return events.stream().filter(event -> event.event().equals(type)).map(SseEvent::json).toList();
    }

    /** The anchors' bug: tool calls lost on the way to a Responses client. Each call must be in the final response. */
    @Test
    void everyToolCallIsDoneAndListedInTheCompletedResponse() {
        List<SseEvent> events = Fixtures.translateStream(new StreamTranslator(new AnthropicEventDecoder(), responsesEncoder()),
                "anthropic/stream-parallel-tools.sse");

        List<JsonNode> doneCalls = ofType(events, "response.output_item.done").stream().map(done -> done.get("item"))
                .filter(item -> item.get("type").stringValue().equals("function_call")).toList();
        assertThat(doneCalls).extracting(item -> item.get("call_id").stringValue())
                .containsExactly("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "toolu_01Q2w2gK45rBnl3uOUsO8Vq7");
        JsonNode completed = ofType(events, "response.completed").getFirst().get("response");
        assertThat(completed.get("status").stringValue()).isEqualTo("completed");
        List<JsonNode> output = completed.get("output").valueStream().toList();
        assertThat(output).extracting(item -> item.get("type").stringValue()).containsExactly("message", "function_call", "function_call");
        assertThat(Json.parse(output.get(1).get("arguments").stringValue()))
                .isEqualTo(Json.parse("{\"location\": \"San Francisco, CA\", \"unit\": \"celsius\"}"));
        assertThat(Json.parse(output.get(2).get("arguments").stringValue())).isEqualTo(Json.parse("{\"location\": \"New York, NY\"}"));
        assertThat(output.get(1).get("id").stringValue()).isNotEqualTo(output.get(2).get("id").stringValue());
        assertThat(completed.at("/usage/output_tokens").longValue()).isEqualTo(89);
    }

    @Test
    void argumentFragmentsArePassedOnOneByOneUnderTheirOwnItem() {
        List<SseEvent> events = Fixtures.translateStream(new StreamTranslator(new OpenAiChunkDecoder(), responsesEncoder()),
                "openai/stream-parallel-tools.sse");

        List<JsonNode> deltas = ofType(events, "response.function_call_arguments.delta");
        assertThat(deltas).extracting(delta -> delta.get("item_id").stringValue())
                .containsExactly("fc_call_sf", "fc_call_sf", "fc_call_sf", "fc_call_sf", "fc_call_ny", "fc_call_ny");
        assertThat(deltas).extracting(delta -> delta.get("delta").stringValue())
                .containsExactly("{\"lo", "cation\": \"San", " Francisco, CA\", \"unit\"", ": \"celsius\"}", "{\"location\"", ": \"New York, NY\"}");
        assertThat(ofType(events, "response.function_call_arguments.done")).extracting(done -> done.get("arguments").stringValue())
                .containsExactly("{\"location\": \"San Francisco, CA\", \"unit\": \"celsius\"}", "{\"location\": \"New York, NY\"}");
    }

    /** Canonical block indexes count blocks, not Responses items: a web search item before the text makes none. */
    @Test
    void blockIndexesCountOnlyTheItemsThatBecomeBlocks() {
        List<StreamEvent> events = decode(
                "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-4.1\",\"output\":[]}}",
                "{\"type\":\"response.output_item.added\",\"sequence_number\":1,\"output_index\":0,\"item\":{\"type\":\"web_search_call\",\"id\":\"ws_1\",\"status\":\"in_progress\"}}",
                "{\"type\":\"response.output_item.done\",\"sequence_number\":2,\"output_index\":0,\"item\":{\"type\":\"web_search_call\",\"id\":\"ws_1\",\"status\":\"completed\"}}",
                "{\"type\":\"response.output_item.added\",\"sequence_number\":3,\"output_index\":1,\"item\":{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}}",
                "{\"type\":\"response.content_part.added\",\"sequence_number\":4,\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}}",
                "{\"type\":\"response.output_text.delta\",\"sequence_number\":5,\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"delta\":\"Hi\"}",
                "{\"type\":\"response.content_part.done\",\"sequence_number\":6,\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"Hi\",\"annotations\":[]}}",
                "{\"type\":\"response.output_item.done\",\"sequence_number\":7,\"output_index\":1,\"item\":{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hi\",\"annotations\":[]}]}}",
                "{\"type\":\"response.completed\",\"sequence_number\":8,\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[],\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}");

        assertThat(events).containsExactly(
                new StreamEvent.MessageStart("resp_1", "gpt-4.1", Usage.NONE),
                new StreamEvent.BlockStart(0, new StreamEvent.TextBlock()),
                new StreamEvent.BlockDelta(0, new StreamEvent.TextDelta("Hi")),
                new StreamEvent.BlockStop(0),
                new StreamEvent.MessageDelta(StopReason.END_TURN, Optional.empty(), Optional.of(new Usage(5, 0, 0, 1))),
                new StreamEvent.MessageStop());
    }

    /** Open-weight reasoning models stream raw reasoning as reasoning_text parts of the reasoning item. */
    @Test
    void reasoningTextBecomesThinkingWithoutAnEmptyTextBlockBeforeIt() {
        List<StreamEvent> events = decode(
                "{\"type\":\"response.created\",\"response\":{\"id\":\"resp_4\",\"model\":\"gpt-oss-120b\"}}",
                "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"type\":\"reasoning\",\"id\":\"rs_4\",\"summary\":[],\"content\":[]}}",
                "{\"type\":\"response.content_part.added\",\"item_id\":\"rs_4\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"reasoning_text\",\"text\":\"\"}}",
                "{\"type\":\"response.reasoning_text.delta\",\"item_id\":\"rs_4\",\"output_index\":0,\"content_index\":0,\"delta\":\"Think.\"}",
                "{\"type\":\"response.content_part.done\",\"item_id\":\"rs_4\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"reasoning_text\",\"text\":\"Think.\"}}",
                "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"type\":\"reasoning\",\"id\":\"rs_4\",\"summary\":[],\"content\":[{\"type\":\"reasoning_text\",\"text\":\"Think.\"}]}}",
                "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_4\",\"output_index\":1,\"content_index\":0,\"delta\":\"42\"}",
                "{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_4\",\"status\":\"completed\",\"output\":[]}}");

        assertThat(events).containsExactly(
                new StreamEvent.MessageStart("resp_4", "gpt-oss-120b", Usage.NONE),
                new StreamEvent.BlockStart(0, new StreamEvent.ThinkingBlock()),
                new StreamEvent.BlockDelta(0, new StreamEvent.ThinkingDelta("Think.")),
                new StreamEvent.BlockStop(0),
                new StreamEvent.BlockStart(1, new StreamEvent.TextBlock()),
                new StreamEvent.BlockDelta(1, new StreamEvent.TextDelta("42")),
                new StreamEvent.BlockStop(1),
                new StreamEvent.MessageDelta(StopReason.END_TURN, Optional.empty(), Optional.empty()),
                new StreamEvent.MessageStop());
    }

    /** Some servers send a function call only whole, in its done event: it must not be lost. */
    @Test
    void aFunctionCallSentOnlyWholeStillBecomesABlock() {
        List<StreamEvent> events = decode(
                "{\"type\":\"response.created\",\"response\":{\"id\":\"resp_2\",\"model\":\"m\"}}",
                "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_1\",\"name\":\"f\",\"arguments\":\"{\\\"x\\\":1}\",\"status\":\"completed\"}}",
                "{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_2\",\"status\":\"completed\",\"output\":[]}}");

        assertThat(events).containsExactly(
                new StreamEvent.MessageStart("resp_2", "m", Usage.NONE),
                new StreamEvent.BlockStart(0, new StreamEvent.ToolCallBlock("call_1", "f")),
                new StreamEvent.BlockDelta(0, new StreamEvent.ToolArgumentsDelta("{\"x\":1}")),
                new StreamEvent.BlockStop(0),
                new StreamEvent.MessageDelta(StopReason.TOOL_USE, Optional.empty(), Optional.empty()),
                new StreamEvent.MessageStop());
    }

    @Test
    void anIncompleteResponseStopsAtTheLimitAndGoesBackOutAsIncomplete() {
        List<StreamEvent> events = decode(
                "{\"type\":\"response.created\",\"response\":{\"id\":\"resp_3\",\"model\":\"m\"}}",
                "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_3\",\"output_index\":0,\"content_index\":0,\"delta\":\"Once\"}",
                "{\"type\":\"response.incomplete\",\"response\":{\"id\":\"resp_3\",\"status\":\"incomplete\",\"incomplete_details\":{\"reason\":\"max_output_tokens\"},\"usage\":{\"input_tokens\":3,\"output_tokens\":16}}}");

        assertThat(events.get(events.size() - 2)).isEqualTo(
                new StreamEvent.MessageDelta(StopReason.MAX_TOKENS, Optional.empty(), Optional.of(new Usage(3, 0, 0, 16))));
        List<String> frames = new ArrayList<>();
        ResponsesEventEncoder encoder = responsesEncoder();
        events.forEach(event -> encoder.encode(event, frames::add));
        SseEvent last = Fixtures.parseSse(frames.getLast()).getFirst();
        assertThat(last.event()).isEqualTo("response.incomplete");
        assertThat(last.json().at("/response/incomplete_details/reason").stringValue()).isEqualTo("max_output_tokens");
        assertThat(last.json().at("/response/output/0/content/0/text").stringValue()).isEqualTo("Once");
    }

    @Test
    void aStreamCutOffBeforeTheFinalEventIsStillClosed() {
        StreamTranslator translator = new StreamTranslator(new ResponsesEventDecoder(), new AnthropicEventEncoder());
        List<SseEvent> upstream = Fixtures.parseSse(Fixtures.read("responses/stream-text.sse"));
        upstream.subList(0, upstream.size() - 1).forEach(event -> translator.translate(event.event(), event.data()));

        assertThat(Fixtures.parseSse(String.join("", translator.end()))).extracting(SseEvent::event)
                .containsExactly("message_delta", "message_stop");
        assertThat(translator.end()).isEmpty();
    }

    @Test
    void anErrorIsAnErrorEventAndAFailedResponse() {
        List<SseEvent> events = Fixtures.translateStream(new StreamTranslator(new AnthropicEventDecoder(), responsesEncoder()),
                "anthropic/stream-error.sse");

        assertThat(events.subList(events.size() - 2, events.size())).extracting(SseEvent::event).containsExactly("error", "response.failed");
        assertThat(events.get(events.size() - 2).json().get("message").stringValue()).isEqualTo("Overloaded");
        JsonNode failed = events.getLast().json().get("response");
        assertThat(failed.get("status").stringValue()).isEqualTo("failed");
        assertThat(failed.at("/error/code").stringValue()).isEqualTo("server_error");
        assertThat(ofType(events, "response.completed")).isEmpty();
    }

    /** Newer servers nest the error event's fields under {@code error}, with a type beside the code. */
    @Test
    void anErrorEventIsReadFlatOrNested() {
        assertThat(decode("{\"type\":\"error\",\"sequence_number\":3,\"error\":{\"type\":\"invalid_request_error\","
                + "\"code\":\"context_length_exceeded\",\"message\":\"Too long.\",\"param\":\"input\"}}"))
                .containsExactly(new StreamEvent.Error("invalid_request_error", "Too long."));
        assertThat(decode("{\"type\":\"error\",\"sequence_number\":3,\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down.\",\"param\":null}"))
                .containsExactly(new StreamEvent.Error("rate_limit_error", "Slow down."));
    }

    private static List<StreamEvent> decode(String... data) {
        ResponsesEventDecoder decoder = new ResponsesEventDecoder();
        List<StreamEvent> events = new ArrayList<>();
        for (String event : data) {
            decoder.decode(null, event, events::add);
        }
        decoder.end(events::add);
        return events;
    }
}
