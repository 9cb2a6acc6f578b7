package dev.ingate.testkit;

import static dev.ingate.testkit.TestHttp.get;
import static dev.ingate.testkit.TestHttp.json;
import static dev.ingate.testkit.TestHttp.post;
import static dev.ingate.testkit.TestHttp.sse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The default answers of the three mock providers, checked over real HTTP. */
class MockProviderTest {

    static final MockProvider OPENAI = MockProvider.openai();
    static final MockProvider ANTHROPIC = MockProvider.anthropic();
    static final MockProvider OLLAMA = MockProvider.ollama();

    @AfterAll
    static void closeAll() {
        OPENAI.close();
        ANTHROPIC.close();
        OLLAMA.close();
    }

    @Test
    void openAiChatRecordsTheRequestAndEchoesTheModel() throws Exception {
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}";
        var res = post(OPENAI, "/v1/chat/completions?api-version=1", body, "Authorization", "Bearer sk-test", "X-Trace", "a");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode answer = json(res.body());
        assertThat(answer.get("object").asString()).isEqualTo("chat.completion");
        assertThat(answer.get("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(answer.at("/choices/0/message/content").asString()).isEqualTo(MockProvider.REPLY_TEXT);
        assertThat(answer.at("/usage/prompt_tokens").asInt()).isEqualTo(8);
        assertThat(answer.at("/usage/total_tokens").asInt()).isEqualTo(385);

        MockProvider.Recorded r = OPENAI.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        assertThat(r.query()).isEqualTo("api-version=1");
        assertThat(r.header("AUTHORIZATION")).isEqualTo("Bearer sk-test");
        assertThat(r.headers()).containsKeys("authorization", "x-trace", "content-type");
        assertThat(r.bodyText()).isEqualTo(body);
        assertThat(r.json().get("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(r.receivedAt()).isNotNull();
    }

    @Test
    void openAiChatStreamsChunksThenUsageThenDone() throws Exception {
        var res = post(OPENAI, "/v1/chat/completions",
                "{\"model\":\"m1\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[]}");
        assertThat(res.headers().firstValue("content-type").orElseThrow()).startsWith("text/event-stream");
        var events = sse(res.body());
        assertThat(events.getLast().getValue()).isEqualTo("[DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(e -> json(e.getValue())).toList();
        assertThat(chunks.size()).isGreaterThanOrEqualTo(5);
        assertThat(chunks.getFirst().at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.at("/choices/0/delta/content").asString("")));
        assertThat(text.toString()).isEqualTo(MockProvider.REPLY_TEXT);
        assertThat(chunks).allSatisfy(c -> assertThat(c.get("model").asString()).isEqualTo("m1"));
        assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        assertThat(chunks.getLast().get("choices")).isEmpty();
        assertThat(chunks.getLast().at("/usage/completion_tokens").asInt()).isEqualTo(377);

        var plain = sse(post(OPENAI, "/v1/chat/completions", "{\"model\":\"m1\",\"stream\":true}").body());
        assertThat(plain).noneMatch(e -> e.getValue().contains("\"usage\""));
    }

    @Test
    void openAiChatCallsTheFirstToolWhenToolsAreOffered() throws Exception {
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{}}}]";
        JsonNode answer = json(post(OPENAI, "/v1/chat/completions", "{\"model\":\"m\"," + tools + "}").body());
        assertThat(answer.at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(answer.at("/choices/0/message/tool_calls/0/function/name").asString()).isEqualTo("lookup");

        var events = sse(post(OPENAI, "/v1/chat/completions", "{\"model\":\"m\",\"stream\":true," + tools + "}").body());
        StringBuilder args = new StringBuilder();
        for (var e : events.subList(0, events.size() - 1)) {
            args.append(json(e.getValue()).at("/choices/0/delta/tool_calls/0/function/arguments").asString(""));
        }
        assertThat(json(args.toString()).get("city").asString()).isEqualTo("Paris");
        assertThat(json(events.get(0).getValue()).at("/choices/0/delta/tool_calls/0/function/name").asString()).isEqualTo("lookup");
    }

    @Test
    void openAiCompletionsEmbeddingsModelsAndErrors() throws Exception {
        assertThat(json(post(OPENAI, "/v1/completions", "{\"model\":\"b\",\"prompt\":\"x\"}").body())
                .get("object").asString()).isEqualTo("text_completion");
        var stream = sse(post(OPENAI, "/v1/completions", "{\"model\":\"b\",\"prompt\":\"x\",\"stream\":true}").body());
        assertThat(stream.size()).isGreaterThan(3);
        assertThat(stream.getLast().getValue()).isEqualTo("[DONE]");

        JsonNode emb = json(post(OPENAI, "/v1/embeddings", "{\"model\":\"e\",\"input\":[\"a\",\"b\"],\"dimensions\":8}").body());
        assertThat(emb.get("data")).hasSize(2);
        assertThat(emb.at("/data/1/index").asInt()).isEqualTo(1);
        assertThat(emb.at("/data/0/embedding")).hasSize(8);
        assertThat(emb.get("model").asString()).isEqualTo("e");

        JsonNode models = json(get(OPENAI, "/v1/models").body());
        assertThat(models.get("object").asString()).isEqualTo("list");
        assertThat(models.at("/data/0/object").asString()).isEqualTo("model");

        var notFound = post(OPENAI, "/v1/nope", "{}");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(json(notFound.body()).at("/error/type").asString()).isEqualTo("invalid_request_error");
        assertThat(json(notFound.body()).get("error").has("param")).isTrue();
        assertThat(OPENAI.lastRequest().path()).isEqualTo("/v1/nope");
        assertThat(post(OPENAI, "/v1/chat/completions", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void openAiResponsesApi() throws Exception {
        JsonNode r = json(post(OPENAI, "/v1/responses", "{\"model\":\"gpt-5\",\"input\":\"hi\"}").body());
        assertThat(r.get("object").asString()).isEqualTo("response");
        assertThat(r.get("model").asString()).isEqualTo("gpt-5");
        assertThat(r.at("/output/0/content/0/text").asString()).isEqualTo(MockProvider.REPLY_TEXT);

        var events = sse(post(OPENAI, "/v1/responses", "{\"model\":\"gpt-5\",\"input\":\"hi\",\"stream\":true}").body());
        assertThat(events.getFirst().getKey()).isEqualTo("response.created");
        assertThat(events.getLast().getKey()).isEqualTo("response.completed");
        assertThat(events).allSatisfy(e -> assertThat(json(e.getValue()).get("type").asString()).isEqualTo(e.getKey()));
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e.getKey().equals("response.output_text.delta"))
                .forEach(e -> text.append(json(e.getValue()).get("delta").asString()));
        assertThat(text.toString()).isEqualTo(MockProvider.REPLY_TEXT);
        assertThat(json(events.getLast().getValue()).at("/response/usage/total_tokens").asInt()).isPositive();
    }

    @Test
    void anthropicMessagesFollowTheDocumentedGrammar() throws Exception {
        String body = "{\"model\":\"claude-x\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        JsonNode m = json(post(ANTHROPIC, "/v1/messages", body + "}", "x-api-key", "k", "anthropic-version", "2023-06-01").body());
        assertThat(m.get("type").asString()).isEqualTo("message");
        assertThat(m.get("model").asString()).isEqualTo("claude-x");
        assertThat(m.at("/content/0/text").asString()).isEqualTo(MockProvider.REPLY_TEXT);
        assertThat(m.get("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(m.get("usage").propertyNames()).contains("input_tokens", "output_tokens",
                "cache_creation_input_tokens", "cache_read_input_tokens");
        assertThat(ANTHROPIC.lastRequest().header("anthropic-version")).isEqualTo("2023-06-01");

        var res = post(ANTHROPIC, "/v1/messages", body + ",\"stream\":true}");
        assertThat(res.body()).startsWith("event: message_start\ndata: {");
        var events = sse(res.body());
        List<String> names = events.stream().map(Map.Entry::getKey).toList();
        assertThat(names.subList(0, 3)).containsExactly("message_start", "content_block_start", "ping");
        assertThat(names.subList(names.size() - 3, names.size())).containsExactly("content_block_stop", "message_delta", "message_stop");
        assertThat(events).allSatisfy(e -> assertThat(json(e.getValue()).get("type").asString()).isEqualTo(e.getKey()));
        JsonNode start = json(events.getFirst().getValue()).get("message");
        assertThat(start.get("content")).isEmpty();
        assertThat(start.get("stop_reason").isNull()).isTrue();
        assertThat(start.at("/usage/cache_read_input_tokens").asInt()).isZero();
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e.getKey().equals("content_block_delta"))
                .forEach(e -> text.append(json(e.getValue()).at("/delta/text").asString()));
        assertThat(text.toString()).isEqualTo(MockProvider.REPLY_TEXT);
        JsonNode delta = json(events.get(events.size() - 2).getValue());
        assertThat(delta.at("/delta/stop_reason").asString()).isEqualTo("end_turn");
        assertThat(delta.at("/usage/output_tokens").asInt()).isPositive();
    }

    @Test
    void anthropicToolUseCountTokensAndErrors() throws Exception {
        String body = "{\"model\":\"c\",\"stream\":true,\"tools\":[{\"name\":\"lookup\",\"input_schema\":{}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        var events = sse(post(ANTHROPIC, "/v1/messages", body).body());
        StringBuilder partial = new StringBuilder();
        for (var e : events) {
            JsonNode d = json(e.getValue());
            if (d.at("/delta/type").asString("").equals("input_json_delta")) partial.append(d.at("/delta/partial_json").asString());
            if (d.at("/content_block/type").asString("").equals("tool_use")) {
                assertThat(d.at("/content_block/name").asString()).isEqualTo("lookup");
            }
        }
        assertThat(json(partial.toString()).get("city").asString()).isEqualTo("Paris");
        assertThat(json(events.get(events.size() - 2).getValue()).at("/delta/stop_reason").asString()).isEqualTo("tool_use");

        assertThat(json(post(ANTHROPIC, "/v1/messages/count_tokens", "{\"model\":\"c\",\"messages\":[]}").body())
                .get("input_tokens").asInt()).isPositive();
        var notFound = post(ANTHROPIC, "/v1/other", "{}");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(json(notFound.body()).get("type").asString()).isEqualTo("error");
        assertThat(json(notFound.body()).at("/error/type").asString()).isEqualTo("not_found_error");
    }

    @Test
    void ollamaStreamsNdjsonUnlessStreamIsFalse() throws Exception {
        var res = post(OLLAMA, "/api/chat", "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(res.headers().firstValue("content-type")).hasValue("application/x-ndjson");
        List<JsonNode> lines = res.body().lines().map(TestHttp::json).toList();
        assertThat(lines.size()).isGreaterThan(2);
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> assertThat(l.get("done").asBoolean()).isFalse());
        JsonNode last = lines.getLast();
        assertThat(last.get("done").asBoolean()).isTrue();
        assertThat(last.get("prompt_eval_count").asInt()).isPositive();
        assertThat(last.get("eval_count").asInt()).isPositive();
        assertThat(last.get("total_duration").asLong()).isPositive();
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.at("/message/content").asString("")));
        assertThat(text.toString()).isEqualTo(MockProvider.REPLY_TEXT);

        JsonNode one = json(post(OLLAMA, "/api/chat", "{\"model\":\"llama3.2\",\"stream\":false,\"messages\":[]}").body());
        assertThat(one.at("/message/content").asString()).isEqualTo(MockProvider.REPLY_TEXT);
        assertThat(one.get("done").asBoolean()).isTrue();

        List<String> gen = post(OLLAMA, "/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"hi\"}").body().lines().toList();
        assertThat(json(gen.getFirst()).get("response").asString()).isEqualTo("Hi");
        assertThat(json(gen.getLast()).get("done").asBoolean()).isTrue();
        assertThat(json(post(OLLAMA, "/api/generate", "{\"model\":\"x\",\"prompt\":\"hi\",\"stream\":false}").body())
                .get("response").asString()).isEqualTo(MockProvider.REPLY_TEXT);

        assertThat(json(post(OLLAMA, "/api/embed", "{\"model\":\"all-minilm\",\"input\":[\"a\",\"b\"]}").body())
                .get("embeddings")).hasSize(2);
        assertThat(json(get(OLLAMA, "/api/tags").body()).at("/models/0/name").asString()).isNotEmpty();
        var notFound = post(OLLAMA, "/api/nope", "{}");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(json(notFound.body()).get("error").isString()).isTrue();
    }
}
