package dev.ingate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.anthropic.AnthropicEventEncoder;
import dev.ingate.translate.openai.OpenAiChunkDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Some OpenAI-compatible servers interleave the argument fragments of parallel tool calls. Anthropic's stream
 * (like the canonical one) has one block at a time, so a naive translation drops or misplaces fragments: each
 * call must arrive whole, under its own block, in the order the calls began.
 */
class InterleavedToolCallsTest {

    private static String chunk(String toolCallsJson) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":"
                + toolCallsJson + "},\"finish_reason\":null}]}";
    }

    private static Map<String, String> argumentsByToolName(List<String> chunks) {
        StreamTranslator translator = new StreamTranslator(new OpenAiChunkDecoder(), new AnthropicEventEncoder());
        List<String> frames = new ArrayList<>();
        for (String chunk : chunks) {
            frames.addAll(translator.translate(null, chunk));
        }
        frames.addAll(translator.translate(null, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}"));
        frames.addAll(translator.translate(null, "[DONE]"));
        Map<Integer, String> nameByBlock = new LinkedHashMap<>();
        Map<String, StringBuilder> arguments = new LinkedHashMap<>();
        int open = -1;
        for (String frame : frames) {
            JsonNode event = Json.parse(frame.substring(frame.indexOf("data: ") + 6).strip());
            switch (event.path("type").asString()) {
                case "content_block_start" -> {
                    assertThat(open).as("one block at a time").isEqualTo(-1);
                    open = event.path("index").asInt();
                    nameByBlock.put(open, event.at("/content_block/name").asString());
                    arguments.put(nameByBlock.get(open), new StringBuilder());
                }
                case "content_block_delta" -> {
                    assertThat(event.path("index").asInt()).as("deltas only for the open block").isEqualTo(open);
                    arguments.get(nameByBlock.get(open)).append(event.at("/delta/partial_json").asString());
                }
                case "content_block_stop" -> open = -1;
                default -> {
                }
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        arguments.forEach((name, args) -> result.put(name, args.toString()));
        return result;
    }

    @Test
    void interleavedFragmentsArriveWholeUnderTheirOwnCall() {
        Map<String, String> calls = argumentsByToolName(List.of(
                chunk("[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]"),
                chunk("[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"time\",\"arguments\":\"\"}}]"),
                chunk("[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\": \\\"Par\"}}]"),
                chunk("[{\"index\":1,\"function\":{\"arguments\":\"{\\\"zone\\\": \"}}]"),
                chunk("[{\"index\":0,\"function\":{\"arguments\":\"is } {\\\"}\"}}]"),
                chunk("[{\"index\":1,\"function\":{\"arguments\":\"\\\"CET\\\"}\"}}]")));
        assertThat(calls).containsExactly(Map.entry("weather", "{\"city\": \"Paris } {\"}"), Map.entry("time", "{\"zone\": \"CET\"}"));
    }

    @Test
    void callsOneAfterAnotherStillStreamAsTheyCome() {
        StreamTranslator translator = new StreamTranslator(new OpenAiChunkDecoder(), new AnthropicEventEncoder());
        translator.translate(null, chunk("[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\"}}]"));
        translator.translate(null, chunk("[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]"));
        List<String> secondStarts = translator.translate(null,
                chunk("[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"time\",\"arguments\":\"{\\\"zone\\\":\"}}]"));
        assertThat(String.join("", secondStarts)).contains("content_block_stop", "\"name\":\"time\"", "{\\\"zone\\\":");
    }

    @Test
    void aCallStillWaitingAtTheEndGoesOutWhole() {
        Map<String, String> calls = argumentsByToolName(List.of(
                chunk("[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\"}}]"),
                chunk("[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"time\",\"arguments\":\"{}\"}}]")));
        assertThat(calls).containsExactly(Map.entry("weather", "{\"city\":"), Map.entry("time", "{}"));
    }
}
