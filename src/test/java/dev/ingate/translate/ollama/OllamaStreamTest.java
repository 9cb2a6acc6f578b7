package dev.ingate.translate.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Json;
import dev.ingate.translate.StreamEncoder;
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

/** Ollama NDJSON streams to OpenAI and Anthropic SSE, and their streams to an Ollama caller as NDJSON. */
class OllamaStreamTest {

    private static StreamTranslator fromOllama(StreamEncoder encoder) {
        return new StreamTranslator(new OllamaLineDecoder(OllamaFixtures.ids("s")), encoder);
    }

    /** Text, whole tool calls, thinking, the final counts, and an error line. */
    @ParameterizedTest
    @ValueSource(strings = {"stream-text", "stream-tools", "stream-thinking", "stream-error"})
    void ollamaToOpenAi(String fixture) {
        String written = OllamaFixtures.translateLines(fromOllama(new OpenAiChunkEncoder(true, OllamaFixtures.NEW_YEAR)),
                "ollama/" + fixture + ".ndjson");

        OllamaFixtures.assertSameSse(written, "ollama/to-openai/" + fixture + ".sse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text", "stream-tools", "stream-thinking", "stream-error"})
    void ollamaToAnthropic(String fixture) {
        String written = OllamaFixtures.translateLines(fromOllama(new AnthropicEventEncoder()), "ollama/" + fixture + ".ndjson");

        OllamaFixtures.assertSameSse(written, "ollama/to-anthropic/" + fixture + ".sse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text", "stream-parallel-tools", "stream-reasoning", "stream-error"})
    void openAiToOllama(String fixture) {
        String written = OllamaFixtures.translateSse(
                new StreamTranslator(new OpenAiChunkDecoder(), new OllamaLineEncoder(OllamaFixtures.NEW_YEAR)), "openai/" + fixture + ".sse");

        OllamaFixtures.assertSameNdjson(written, "ollama/from-openai/" + fixture + ".ndjson");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stream-text", "stream-parallel-tools", "stream-thinking", "stream-error"})
    void anthropicToOllama(String fixture) {
        String written = OllamaFixtures.translateSse(
                new StreamTranslator(new AnthropicEventDecoder(), new OllamaLineEncoder(OllamaFixtures.NEW_YEAR)), "anthropic/" + fixture + ".sse");

        OllamaFixtures.assertSameNdjson(written, "ollama/from-anthropic/" + fixture + ".ndjson");
    }

    @Test
    void eachToolCallIsItsOwnBlockWithItsArgumentsInOneDelta() {
        List<StreamEvent> events = decodeAll("{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
                + "{\"function\":{\"name\":\"f\",\"arguments\":{\"x\":1}}},{\"function\":{\"name\":\"g\",\"arguments\":{}}}]},\"done\":false}",
                "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":5,\"eval_count\":7}");

        assertThat(events).containsExactly(
                new StreamEvent.MessageStart("ollama-s1", "m", Usage.NONE),
                new StreamEvent.BlockStart(0, new StreamEvent.ToolCallBlock("call_s2", "f")),
                new StreamEvent.BlockDelta(0, new StreamEvent.ToolArgumentsDelta("{\"x\":1}")),
                new StreamEvent.BlockStop(0),
                new StreamEvent.BlockStart(1, new StreamEvent.ToolCallBlock("call_s3", "g")),
                new StreamEvent.BlockDelta(1, new StreamEvent.ToolArgumentsDelta("{}")),
                new StreamEvent.BlockStop(1),
                new StreamEvent.MessageDelta(StopReason.TOOL_USE, Optional.empty(),
                        Optional.of(new Usage(5, 0, 0, 7))),
                new StreamEvent.MessageStop());
    }

    @Test
    void aStreamCutOffBeforeDoneIsStillClosed() {
        OllamaLineDecoder decoder = new OllamaLineDecoder(OllamaFixtures.ids("s"));
        List<StreamEvent> events = new ArrayList<>();
        decoder.decode(null, "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"Hel\"},\"done\":false}", events::add);
        events.clear();

        decoder.end(events::add);
        decoder.end(events::add);

        assertThat(events).containsExactly(new StreamEvent.BlockStop(0),
                new StreamEvent.MessageDelta(StopReason.END_TURN, Optional.empty(), Optional.empty()),
                new StreamEvent.MessageStop());
    }

    @Test
    void blankAndCrlfLinesAreTolerated() {
        List<StreamEvent> events = decodeAll("{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}\r", "", "  ");

        assertThat(events).hasSize(3);
    }

    @Test
    void aToolCallGoesOutWholeWhenItsBlockCloses() {
        OllamaLineEncoder encoder = new OllamaLineEncoder(OllamaFixtures.NEW_YEAR);
        List<String> lines = new ArrayList<>();
        encoder.encode(new StreamEvent.MessageStart("id", "m", Usage.NONE), lines::add);
        encoder.encode(new StreamEvent.BlockStart(0, new StreamEvent.ToolCallBlock("call_1", "f")), lines::add);
        encoder.encode(new StreamEvent.BlockDelta(0, new StreamEvent.ToolArgumentsDelta("{\"ci")), lines::add);
        encoder.encode(new StreamEvent.BlockDelta(0, new StreamEvent.ToolArgumentsDelta("ty\":\"Paris\"}")), lines::add);
        assertThat(lines).isEmpty();

        encoder.encode(new StreamEvent.BlockStop(0), lines::add);

        assertThat(lines).containsExactly("{\"model\":\"m\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                + "\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":{\"city\":\"Paris\"}}}]},\"done\":false}\n");
    }

    @Test
    void aToolCallWhoseBlockNeverClosedStillGoesOutBeforeTheLastLine() {
        OllamaLineEncoder encoder = new OllamaLineEncoder(OllamaFixtures.NEW_YEAR);
        List<String> lines = new ArrayList<>();
        encoder.encode(new StreamEvent.MessageStart("id", "m", Usage.NONE), lines::add);
        encoder.encode(new StreamEvent.BlockStart(0, new StreamEvent.ToolCallBlock("call_1", "f")), lines::add);
        encoder.encode(new StreamEvent.BlockDelta(0, new StreamEvent.ToolArgumentsDelta("{\"x\":1}")), lines::add);
        encoder.encode(new StreamEvent.MessageStop(), lines::add);

        assertThat(lines).hasSize(2);
        assertThat(Json.parse(lines.get(0)).at("/message/tool_calls/0/function/arguments/x").intValue()).isEqualTo(1);
        assertThat(Json.parse(lines.get(1)).get("done").booleanValue()).isTrue();
    }

    private static List<StreamEvent> decodeAll(String... lines) {
        OllamaLineDecoder decoder = new OllamaLineDecoder(OllamaFixtures.ids("s"));
        List<StreamEvent> events = new ArrayList<>();
        for (String line : lines) {
            decoder.decode(null, line, events::add);
        }
        return events;
    }
}
