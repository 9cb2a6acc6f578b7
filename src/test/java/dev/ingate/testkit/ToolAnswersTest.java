package dev.ingate.testkit;

import static dev.ingate.testkit.TestHttp.json;
import static dev.ingate.testkit.TestHttp.post;
import static dev.ingate.testkit.TestHttp.sse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every mock calls the first declared tool when the conversation does not end with a tool result,
 * streamed and not, once or twice ({@code x-mock-parallel-tools: 2}); streamed arguments arrive in
 * pieces that only parse once joined.
 */
class ToolAnswersTest {

    static final MockProvider OPENAI = MockProvider.openai().strict();
    static final MockProvider ANTHROPIC = MockProvider.anthropic().strict();
    static final MockProvider OLLAMA = MockProvider.ollama().strict();
    static final MockProvider GEMINI = MockProvider.gemini().strict();
    static final String PARALLEL = ToolAnswers.PARALLEL_HEADER;
    static final JsonNode PARIS = json("{\"city\":\"Paris\"}");

    @AfterAll
    static void close() {
        OPENAI.close();
        ANTHROPIC.close();
        OLLAMA.close();
        GEMINI.close();
    }

    /** Collects fragments per key and checks each call's arguments came in at least two pieces. */
    static final class Fragments {
        final Map<String, List<String>> byKey = new LinkedHashMap<>();

        void add(String key, String fragment) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(fragment);
        }

        List<JsonNode> joinedAndParsed() {
            List<JsonNode> out = new ArrayList<>();
            byKey.values().forEach(pieces -> {
                assertThat(pieces.stream().filter(p -> !p.isEmpty()).count()).isGreaterThanOrEqualTo(2);
                for (String p : pieces) {
                    if (!p.isEmpty()) assertThat(parses(p)).as("fragment %s parses alone", p).isFalse();
                }
                out.add(json(String.join("", pieces)));
            });
            return out;
        }

        static boolean parses(String s) {
            try {
                json(s);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    // ---- OpenAI chat completions ----------------------------------------------------------------

    static final String OPENAI_TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{}}},"
            + "{\"type\":\"function\",\"function\":{\"name\":\"other\",\"parameters\":{}}}]";

    static String openAiChat(String extra) {
        return "{\"model\":\"gpt-x\"," + OPENAI_TOOLS + extra + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]}";
    }

    @Test
    void openAiChatNotStreamed() throws Exception {
        JsonNode r = json(post(OPENAI, "/v1/chat/completions", openAiChat(""), PARALLEL, "2").body());
        assertThat(r.at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
        JsonNode calls = r.at("/choices/0/message/tool_calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).get("id").asString()).startsWith("call_").isNotEqualTo(calls.get(1).get("id").asString());
        for (JsonNode c : calls) {
            assertThat(c.get("type").asString()).isEqualTo("function");
            assertThat(c.at("/function/name").asString()).isEqualTo("get_weather");
            assertThat(json(c.at("/function/arguments").asString())).isEqualTo(PARIS);
        }
        JsonNode usage = r.get("usage");
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
        assertThat(usage.get("prompt_tokens").asLong()).isEqualTo(CannedUsage.OPENAI_CHAT_TOOLS.input());

        String required = "{\"model\":\"m\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"w\",\"parameters\":"
                + "{\"type\":\"object\",\"properties\":{\"location\":{},\"unit\":{}},\"required\":[\"location\",\"unit\"]}}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        JsonNode args = json(json(post(OPENAI, "/v1/chat/completions", required).body()).at("/choices/0/message/tool_calls/0/function/arguments").asString());
        assertThat(args).isEqualTo(json("{\"location\":\"x\",\"unit\":\"x\"}"));
    }

    @Test
    void openAiChatStreamed() throws Exception {
        var events = sse(post(OPENAI, "/v1/chat/completions", openAiChat(",\"stream\":true,\"stream_options\":{\"include_usage\":true}"),
                PARALLEL, "2").body());
        assertThat(events.getLast().getValue()).isEqualTo("[DONE]");
        Fragments fragments = new Fragments();
        Map<Integer, String> ids = new LinkedHashMap<>();
        String finish = null;
        JsonNode usage = null;
        for (var e : events.subList(0, events.size() - 1)) {
            JsonNode chunk = json(e.getValue());
            if (chunk.get("usage") != null && !chunk.get("usage").isNull()) usage = chunk.get("usage");
            if (chunk.get("choices").isEmpty()) continue;
            JsonNode choice = chunk.get("choices").get(0);
            if (!choice.get("finish_reason").isNull()) finish = choice.get("finish_reason").asString();
            for (JsonNode call : choice.path("delta").path("tool_calls")) {
                int index = call.get("index").asInt();
                if (call.has("id")) {
                    ids.put(index, call.get("id").asString());
                    assertThat(call.at("/function/name").asString()).isEqualTo("get_weather");
                }
                fragments.add(String.valueOf(index), call.at("/function/arguments").asString());
            }
        }
        assertThat(finish).isEqualTo("tool_calls");
        assertThat(ids).hasSize(2);
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
        assertThat(fragments.joinedAndParsed()).containsExactly(PARIS, PARIS);
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
        assertThat(usage.get("completion_tokens").asLong()).isEqualTo(CannedUsage.OPENAI_CHAT_TOOLS.output());
    }

    @Test
    void openAiChatAnswersTextAfterAToolResult() throws Exception {
        String body = "{\"model\":\"m\"," + OPENAI_TOOLS + ",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},"
                + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sunny\"}]}";
        JsonNode r = json(post(OPENAI, "/v1/chat/completions", body).body());
        assertThat(r.at("/choices/0/message/content").asString()).isEqualTo(MockProvider.REPLY_TEXT);
        assertThat(r.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
    }

    // ---- OpenAI Responses -----------------------------------------------------------------------

    static String responses(String extra, String input) {
        return "{\"model\":\"gpt-5\",\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":{}}]"
                + extra + ",\"input\":" + input + "}";
    }

    @Test
    void responsesNotStreamedAndStreamed() throws Exception {
        JsonNode r = json(post(OPENAI, "/v1/responses", responses("", "\"Weather?\""), PARALLEL, "2").body());
        JsonNode output = r.get("output");
        assertThat(output).hasSize(2);
        assertThat(output.get(0).get("call_id").asString()).isNotEqualTo(output.get(1).get("call_id").asString());
        for (JsonNode item : output) {
            assertThat(item.get("type").asString()).isEqualTo("function_call");
            assertThat(item.get("name").asString()).isEqualTo("get_weather");
            assertThat(json(item.get("arguments").asString())).isEqualTo(PARIS);
        }
        assertThat(r.at("/usage/total_tokens").asInt()).isEqualTo(r.at("/usage/input_tokens").asInt() + r.at("/usage/output_tokens").asInt());

        var events = sse(post(OPENAI, "/v1/responses", responses(",\"stream\":true", "\"Weather?\"")).body());
        Fragments fragments = new Fragments();
        String done = null;
        for (var e : events) {
            JsonNode d = json(e.getValue());
            assertThat(d.get("type").asString()).isEqualTo(e.getKey());
            if (e.getKey().equals("response.output_item.added")) {
                assertThat(d.at("/item/type").asString()).isEqualTo("function_call");
                assertThat(d.at("/item/name").asString()).isEqualTo("get_weather");
            }
            if (e.getKey().equals("response.function_call_arguments.delta")) fragments.add(d.get("item_id").asString(), d.get("delta").asString());
            if (e.getKey().equals("response.function_call_arguments.done")) done = d.get("arguments").asString();
        }
        assertThat(fragments.joinedAndParsed()).containsExactly(PARIS);
        assertThat(json(done)).isEqualTo(PARIS);
        assertThat(events.getLast().getKey()).isEqualTo("response.completed");

        String afterResult = responses("", "[{\"role\":\"user\",\"content\":\"x\"},{\"type\":\"function_call\",\"call_id\":\"c1\","
                + "\"name\":\"get_weather\",\"arguments\":\"{}\"},{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":\"sunny\"}]");
        assertThat(json(post(OPENAI, "/v1/responses", afterResult).body()).at("/output/0/content/0/text").asString())
                .isEqualTo(MockProvider.REPLY_TEXT);
    }

    // ---- Anthropic ------------------------------------------------------------------------------

    static String anthropic(String extra, String messages) {
        return "{\"model\":\"claude-x\",\"max_tokens\":100,\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\"}}]"
                + extra + ",\"messages\":[" + messages + "]}";
    }

    static final String ASK = "{\"role\":\"user\",\"content\":\"Weather?\"}";

    @Test
    void anthropicNotStreamedAndStreamed() throws Exception {
        JsonNode m = json(post(ANTHROPIC, "/v1/messages", anthropic("", ASK), PARALLEL, "2").body());
        assertThat(m.get("stop_reason").asString()).isEqualTo("tool_use");
        List<JsonNode> uses = new ArrayList<>();
        m.get("content").forEach(b -> { if (b.get("type").asString().equals("tool_use")) uses.add(b); });
        assertThat(uses).hasSize(2);
        assertThat(uses.get(0).get("id").asString()).startsWith("toolu_").isNotEqualTo(uses.get(1).get("id").asString());
        assertThat(uses).allSatisfy(u -> assertThat(u.get("input")).isEqualTo(PARIS));

        var events = sse(post(ANTHROPIC, "/v1/messages", anthropic(",\"stream\":true", ASK), PARALLEL, "2").body());
        Fragments fragments = new Fragments();
        List<String> ids = new ArrayList<>();
        for (var e : events) {
            JsonNode d = json(e.getValue());
            if (d.at("/content_block/type").asString("").equals("tool_use")) {
                ids.add(d.at("/content_block/id").asString());
                assertThat(d.at("/content_block/name").asString()).isEqualTo("get_weather");
                assertThat(d.at("/content_block/input")).isEmpty();
            }
            if (d.at("/delta/type").asString("").equals("input_json_delta")) {
                fragments.add(d.get("index").asString(), d.at("/delta/partial_json").asString());
            }
        }
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(fragments.joinedAndParsed()).containsExactly(PARIS, PARIS);
        assertThat(json(events.get(events.size() - 2).getValue()).at("/delta/stop_reason").asString()).isEqualTo("tool_use");

        String afterResult = anthropic("", ASK + ",{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\","
                + "\"name\":\"get_weather\",\"input\":{}}]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\","
                + "\"content\":\"sunny\"}]}");
        JsonNode text = json(post(ANTHROPIC, "/v1/messages", afterResult).body());
        assertThat(text.at("/content/0/text").asString()).isEqualTo(MockProvider.REPLY_TEXT);
        assertThat(text.get("stop_reason").asString()).isEqualTo("end_turn");
    }

    // ---- Ollama ---------------------------------------------------------------------------------

    static String ollama(boolean stream, String messages) {
        return "{\"model\":\"llama3.2\",\"stream\":" + stream + ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"parameters\":{\"type\":\"object\",\"required\":[\"location\"]}}}],\"messages\":[" + messages + "]}";
    }

    @Test
    void ollamaNotStreamedAndStreamed() throws Exception {
        JsonNode location = json("{\"location\":\"x\"}");
        JsonNode r = json(post(OLLAMA, "/api/chat", ollama(false, ASK), PARALLEL, "2").body());
        JsonNode calls = r.at("/message/tool_calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).get("id").asString()).isNotEqualTo(calls.get(1).get("id").asString());
        assertThat(calls).allSatisfy(c -> {
            assertThat(c.at("/function/name").asString()).isEqualTo("get_weather");
            assertThat(c.at("/function/arguments")).isEqualTo(location);
        });
        assertThat(r.get("done_reason").asString()).isEqualTo("stop");

        List<JsonNode> lines = post(OLLAMA, "/api/chat", ollama(true, ASK)).body().lines().map(TestHttp::json).toList();
        assertThat(lines.getFirst().at("/message/tool_calls/0/function/arguments")).isEqualTo(location);
        assertThat(lines.getLast().get("done").asBoolean()).isTrue();
        assertThat(lines.getLast().get("done_reason").asString()).isEqualTo("stop");

        String afterResult = ollama(false, ASK + ",{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":"
                + "\"get_weather\",\"arguments\":{}}}]},{\"role\":\"tool\",\"content\":\"sunny\"}");
        assertThat(json(post(OLLAMA, "/api/chat", afterResult).body()).at("/message/content").asString()).isEqualTo(MockProvider.REPLY_TEXT);
    }

    // ---- Gemini ---------------------------------------------------------------------------------

    static String gemini(String contents) {
        return "{\"tools\":[{\"functionDeclarations\":[{\"name\":\"get_weather\",\"parameters\":{\"type\":\"OBJECT\"}}]}],"
                + "\"contents\":[" + contents + "]}";
    }

    static final String GEMINI_ASK = "{\"role\":\"user\",\"parts\":[{\"text\":\"Weather?\"}]}";

    @Test
    void geminiNotStreamedAndStreamed() throws Exception {
        JsonNode r = json(post(GEMINI, GeminiMockTest.GENERATE, gemini(GEMINI_ASK), "x-goog-api-key", "k", PARALLEL, "2").body());
        JsonNode parts = r.at("/candidates/0/content/parts");
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).at("/functionCall/id").asString()).isNotEqualTo(parts.get(1).at("/functionCall/id").asString());
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.at("/functionCall/name").asString()).isEqualTo("get_weather");
            assertThat(p.at("/functionCall/args")).isEqualTo(PARIS);
        });
        assertThat(r.at("/candidates/0/finishReason").asString()).isEqualTo("STOP");
        JsonNode usage = r.get("usageMetadata");
        assertThat(usage.get("totalTokenCount").asInt())
                .isEqualTo(usage.get("promptTokenCount").asInt() + usage.get("candidatesTokenCount").asInt());

        List<JsonNode> chunks = GeminiMockTest.sseChunks(post(GEMINI, GeminiMockTest.STREAM, gemini(GEMINI_ASK), "x-goog-api-key", "k").body());
        assertThat(chunks.getFirst().at("/candidates/0/content/parts/0/functionCall/args")).isEqualTo(PARIS);
        assertThat(chunks.getLast().at("/candidates/0/finishReason").asString()).isEqualTo("STOP");

        String afterResult = gemini(GEMINI_ASK + ",{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":{}}}]},"
                + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"get_weather\",\"response\":{\"r\":\"sunny\"}}}]}");
        assertThat(json(post(GEMINI, GeminiMockTest.GENERATE, afterResult, "x-goog-api-key", "k").body())
                .at("/candidates/0/content/parts/0/text").asString()).isEqualTo(MockProvider.REPLY_TEXT);
    }
}
