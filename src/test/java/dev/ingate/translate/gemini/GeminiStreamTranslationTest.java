package dev.ingate.translate.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Fixtures.SseEvent;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Streams from Gemini to OpenAI and Anthropic callers and back, frame by frame. */
class GeminiStreamTranslationTest {

    @ParameterizedTest
    @ValueSource(strings = {"stream-text.sse", "stream-function-calls.sse", "stream-thinking.sse", "stream-error.sse"})
    void geminiToOpenAi(String fixture) {
        List<SseEvent> out = GeminiFixtures.translate(
                new StreamTranslator(new GeminiStreamDecoder(), new OpenAiChunkEncoder(true, GeminiFixtures.NEW_YEAR)), "gemini/" + fixture);

        GeminiFixtures.assertSameFrames(out, "gemini/to-openai/" + fixture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text.sse", "stream-function-calls.sse", "stream-thinking.sse", "stream-error.sse"})
    void geminiToAnthropic(String fixture) {
        List<SseEvent> out = GeminiFixtures.translate(new StreamTranslator(new GeminiStreamDecoder(), new AnthropicEventEncoder()), "gemini/" + fixture);

        GeminiFixtures.assertSameFrames(out, "gemini/to-anthropic/" + fixture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text.sse", "stream-parallel-tools.sse", "stream-reasoning.sse", "stream-error.sse"})
    void openAiToGemini(String fixture) {
        List<SseEvent> out = GeminiFixtures.translate(new StreamTranslator(new OpenAiChunkDecoder(), new GeminiStreamEncoder()), "openai/" + fixture);

        assertThat(out).allSatisfy(event -> assertThat(event.event()).as("Gemini frames have no event name").isNull());
        GeminiFixtures.assertSameFrames(out, "gemini/from-openai/" + fixture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text.sse", "stream-parallel-tools.sse", "stream-thinking.sse", "stream-error.sse"})
    void anthropicToGemini(String fixture) {
        List<SseEvent> out = GeminiFixtures.translate(new StreamTranslator(new AnthropicEventDecoder(), new GeminiStreamEncoder()), "anthropic/" + fixture);

        GeminiFixtures.assertSameFrames(out, "gemini/from-anthropic/" + fixture);
    }

    @Test
    void twoCallsInOneChunkAreTwoWholeBlocksInOrder() {
        List<StreamEvent> events = new ArrayList<>();
        GeminiStreamDecoder decoder = new GeminiStreamDecoder();
        for (SseEvent event : dev.ingate.translate.Fixtures.parseSse(dev.ingate.translate.Fixtures.read("gemini/stream-function-calls.sse"))) {
            decoder.decode(event.event(), event.data(), events::add);
        }
        decoder.end(events::add);

        assertThat(events).containsExactly(
                new StreamEvent.MessageStart("c3ONaJ6kL9-p1dkPmb7E0Aw", "gemini-2.5-flash", new Usage(155, 0, 0, 0)),
                new StreamEvent.BlockStart(0, new StreamEvent.TextBlock()),
                new StreamEvent.BlockDelta(0, new StreamEvent.TextDelta("I'll check both cities.")),
                new StreamEvent.BlockStop(0),
                new StreamEvent.BlockStart(1, new StreamEvent.ThinkingBlock()),
                new StreamEvent.BlockDelta(1, new StreamEvent.SignatureDelta("gemini:CiQB0e2Kb7ZkPq1fUXb0s4yV3m5n6Q==")),
                new StreamEvent.BlockStop(1),
                new StreamEvent.BlockStart(2, new StreamEvent.ToolCallBlock("call_c3ONaJ6kL9-p1dkPmb7E0Aw_0", "get_weather")),
                new StreamEvent.BlockDelta(2, new StreamEvent.ToolArgumentsDelta("{\"location\":\"San Francisco, CA\",\"unit\":\"celsius\"}")),
                new StreamEvent.BlockStop(2),
                new StreamEvent.BlockStart(3, new StreamEvent.ToolCallBlock("call_c3ONaJ6kL9-p1dkPmb7E0Aw_1", "get_weather")),
                new StreamEvent.BlockDelta(3, new StreamEvent.ToolArgumentsDelta("{\"location\":\"New York, NY\"}")),
                new StreamEvent.BlockStop(3),
                new StreamEvent.MessageDelta(StopReason.TOOL_USE, Optional.empty(), Optional.of(new Usage(155, 0, 0, 147))),
                new StreamEvent.MessageStop());
    }

    @Test
    void aStreamCutOffBeforeTheFinishReasonStillEnds() {
        List<StreamEvent> events = new ArrayList<>();
        GeminiStreamDecoder decoder = new GeminiStreamDecoder();
        decoder.decode(null, """
                {"candidates":[{"content":{"parts":[{"text":"Half a sent"}],"role":"model"},"index":0}],
                 "usageMetadata":{"promptTokenCount":9,"totalTokenCount":12,"candidatesTokenCount":3},"modelVersion":"gemini-2.5-flash","responseId":"r1"}""",
                events::add);
        decoder.end(events::add);

        assertThat(events.subList(events.size() - 3, events.size())).containsExactly(
                new StreamEvent.BlockStop(0),
                new StreamEvent.MessageDelta(StopReason.OTHER, Optional.empty(), Optional.of(new Usage(9, 0, 0, 3))),
                new StreamEvent.MessageStop());
    }

    @Test
    void nothingFollowsTheFinishChunkOrAnError() {
        List<StreamEvent> events = new ArrayList<>();
        GeminiStreamDecoder decoder = new GeminiStreamDecoder();
        decoder.decode(null, "{\"error\":{\"code\":429,\"message\":\"Quota\",\"status\":\"RESOURCE_EXHAUSTED\"}}", events::add);
        decoder.decode(null, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"late\"}]},\"index\":0}]}", events::add);
        decoder.end(events::add);

        assertThat(events).containsExactly(new StreamEvent.Error("rate_limit_error", "Quota"));
    }

    @Test
    void toolArgumentFragmentsGoOutAsOneFunctionCallWhenTheBlockStops() {
        List<String> frames = new ArrayList<>();
        GeminiStreamEncoder encoder = new GeminiStreamEncoder();
        encoder.encode(new StreamEvent.MessageStart("msg_1", "claude-sonnet-4", Usage.NONE), frames::add);
        encoder.encode(new StreamEvent.BlockStart(0, new StreamEvent.ToolCallBlock("toolu_1", "get_weather")), frames::add);
        encoder.encode(new StreamEvent.BlockDelta(0, new StreamEvent.ToolArgumentsDelta("{\"loc")), frames::add);
        encoder.encode(new StreamEvent.BlockDelta(0, new StreamEvent.ToolArgumentsDelta("ation\":\"Paris\"}")), frames::add);

        assertThat(frames).isEmpty();
        encoder.encode(new StreamEvent.BlockStop(0), frames::add);

        assertThat(frames).containsExactly("data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"id\":\"toolu_1\","
                + "\"name\":\"get_weather\",\"args\":{\"location\":\"Paris\"}}}],\"role\":\"model\"},\"index\":0}],"
                + "\"modelVersion\":\"claude-sonnet-4\",\"responseId\":\"msg_1\"}\n\n");
    }

    @Test
    void aGeminiStreamGoesBackToAGeminiCallerWithItsSignatures() {
        for (String fixture : List.of("stream-text.sse", "stream-function-calls.sse", "stream-thinking.sse", "stream-error.sse")) {
            List<SseEvent> out = GeminiFixtures.translate(new StreamTranslator(new GeminiStreamDecoder(), new GeminiStreamEncoder()), "gemini/" + fixture);

            GeminiFixtures.assertSameFrames(out, "gemini/same-shape/" + fixture);
        }
    }
}
