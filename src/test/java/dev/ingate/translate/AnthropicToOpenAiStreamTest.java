package dev.ingate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Fixtures.SseEvent;
import dev.ingate.translate.anthropic.AnthropicEventDecoder;
import dev.ingate.translate.openai.OpenAiChunkEncoder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Anthropic Messages SSE from the upstream, OpenAI chat.completion.chunk SSE to the client. */
class AnthropicToOpenAiStreamTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static List<SseEvent> translate(String fixture, boolean includeUsage) {
        StreamTranslator translator = new StreamTranslator(new AnthropicEventDecoder(), new OpenAiChunkEncoder(includeUsage, CLOCK));
        List<SseEvent> out = Fixtures.translateStream(translator, "anthropic/" + fixture);
        assertThat(out).allSatisfy(event -> assertThat(event.event()).as("OpenAI frames have no event name").isNull());
        return out;
    }

    private static List<JsonNode> chunks(List<SseEvent> events) {
        return events.stream().filter(event -> !event.data().equals("[DONE]")).map(SseEvent::json).toList();
    }

    private static String content(List<JsonNode> chunks, String field) {
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : chunks) {
            JsonNode value = chunk.at("/choices/0/delta/" + field);
            if (value.isString()) {
                text.append(value.stringValue());
            }
        }
        return text.toString();
    }

    @Test
    void textStreamStartsWithTheRoleAndEndsWithFinishReasonUsageAndDone() {
        List<SseEvent> events = translate("stream-text.sse", true);
        List<JsonNode> chunks = chunks(events);

        assertThat(chunks.getFirst().at("/choices/0/delta/role").stringValue()).isEqualTo("assistant");
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.get("object").stringValue()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.get("id").stringValue()).isEqualTo("msg_014p7gG3wDgGV9EUtLvnow3U");
            assertThat(chunk.get("model").stringValue()).isEqualTo("claude-sonnet-4-20250514");
            assertThat(chunk.get("created").longValue()).isEqualTo(1767225600L);
        });
        assertThat(content(chunks, "content")).isEqualTo("Okay, here is the answer.");
        assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").stringValue()).isEqualTo("stop");
        JsonNode usageChunk = chunks.getLast();
        assertThat(usageChunk.get("choices").isEmpty()).isTrue();
        // 472 uncached + 1200 written to cache + 8000 read from cache: all of it is prompt in OpenAI's terms.
        assertThat(usageChunk.at("/usage/prompt_tokens").longValue()).isEqualTo(9672);
        assertThat(usageChunk.at("/usage/prompt_tokens_details/cached_tokens").longValue()).isEqualTo(8000);
        assertThat(usageChunk.at("/usage/completion_tokens").longValue()).isEqualTo(89);
        assertThat(usageChunk.at("/usage/total_tokens").longValue()).isEqualTo(9761);
        assertThat(events.getLast().data()).isEqualTo("[DONE]");
    }

    @Test
    void noUsageChunkUnlessTheClientAskedForIt() {
        List<JsonNode> chunks = chunks(translate("stream-text.sse", false));

        assertThat(chunks).noneMatch(chunk -> chunk.has("usage"));
        assertThat(chunks.getLast().at("/choices/0/finish_reason").stringValue()).isEqualTo("stop");
    }

    @Test
    void parallelToolCallsAreIndexedZeroAndOneAndTheirArgumentsArriveWhole() {
        List<JsonNode> chunks = chunks(translate("stream-parallel-tools.sse", true));

        Map<Integer, StringBuilder> arguments = new TreeMap<>();
        Map<Integer, String> ids = new TreeMap<>();
        int fragments = 0;
        for (JsonNode chunk : chunks) {
            for (JsonNode call : chunk.at("/choices/0/delta/tool_calls")) {
                int index = call.get("index").intValue();
                if (call.has("id")) {
                    ids.put(index, call.get("id").stringValue());
                    assertThat(call.get("type").stringValue()).isEqualTo("function");
                    assertThat(call.at("/function/name").stringValue()).isEqualTo("get_weather");
                }
                arguments.computeIfAbsent(index, i -> new StringBuilder()).append(call.at("/function/arguments").stringValue());
                fragments++;
            }
        }

        assertThat(ids).containsExactly(Map.entry(0, "toolu_01T1x1fJ34qAmk2tNTrN7Up6"), Map.entry(1, "toolu_01Q2w2gK45rBnl3uOUsO8Vq7"));
        assertThat(Json.parse(arguments.get(0).toString())).isEqualTo(Json.parse("{\"location\": \"San Francisco, CA\", \"unit\": \"celsius\"}"));
        assertThat(Json.parse(arguments.get(1).toString())).isEqualTo(Json.parse("{\"location\": \"New York, NY\"}"));
        // Two openings plus every non-empty fragment, passed on one by one rather than buffered.
        assertThat(fragments).isEqualTo(2 + 6 + 3);
        assertThat(content(chunks, "content")).isEqualTo("I'll check both cities.");
        assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").stringValue()).isEqualTo("tool_calls");
    }

    @Test
    void thinkingGoesToReasoningContentAndTheSignatureNowhere() {
        List<SseEvent> events = translate("stream-thinking.sse", false);
        List<JsonNode> chunks = chunks(events);

        assertThat(content(chunks, "reasoning_content")).isEqualTo("Let me solve this step by step:\n\n1. First break down 27 * 453\n2. 453 = 400 + 50 + 3");
        assertThat(content(chunks, "content")).isEqualTo("27 * 453 = 12,231");
        assertThat(events).noneMatch(event -> event.data().contains("EqQBCgIYAhIM"));
        assertThat(events.getLast().data()).isEqualTo("[DONE]");
    }

    @Test
    void anUpstreamErrorBecomesAnOpenAiErrorChunkAndNothingFollows() {
        List<SseEvent> events = translate("stream-error.sse", true);

        JsonNode last = events.getLast().json();
        assertThat(last.at("/error/type").stringValue()).isEqualTo("server_error");
        assertThat(last.at("/error/message").stringValue()).isEqualTo("Overloaded");
        assertThat(events).noneMatch(event -> event.data().equals("[DONE]"));
        assertThat(content(chunks(events), "content")).isEqualTo("Once upon");
    }
}
