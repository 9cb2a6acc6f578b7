package dev.ingate.testkit;

import static dev.ingate.testkit.TestHttp.json;
import static dev.ingate.testkit.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Gemini mock: generateContent, streamGenerateContent, the key check and, in strict mode, the request rules. */
class GeminiMockTest {

    static final MockProvider GEMINI = MockProvider.gemini();
    static final MockProvider STRICT = MockProvider.gemini().strict();
    static final String KEY = "x-goog-api-key";
    static final String HELLO = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello\"}]}]}";
    static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
    static final String STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";

    @AfterAll
    static void close() {
        GEMINI.close();
        STRICT.close();
    }

    /** SSE data payloads; Google ends each event with CRLF CRLF. */
    static List<JsonNode> sseChunks(String body) {
        return Arrays.stream(body.split("\r\n\r\n")).filter(e -> !e.isBlank())
                .map(e -> {
                    assertThat(e).startsWith("data: ");
                    return json(e.substring(6));
                }).toList();
    }

    @Test
    void generateContentAnswersARealisticResponse() throws Exception {
        var res = post(GEMINI, GENERATE, HELLO, KEY, "k");
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode r = json(res.body());
        assertThat(r.at("/candidates/0/content/parts/0/text").asString()).isEqualTo(MockProvider.REPLY_TEXT);
        assertThat(r.at("/candidates/0/content/role").asString()).isEqualTo("model");
        assertThat(r.at("/candidates/0/finishReason").asString()).isEqualTo("STOP");
        JsonNode usage = r.get("usageMetadata");
        assertThat(usage.get("totalTokenCount").asInt())
                .isEqualTo(usage.get("promptTokenCount").asInt() + usage.get("candidatesTokenCount").asInt());
        assertThat(usage.get("promptTokenCount").asLong()).isEqualTo(CannedUsage.GEMINI.input());
        assertThat(usage.get("candidatesTokenCount").asLong()).isEqualTo(CannedUsage.GEMINI.output());
        assertThat(r.get("modelVersion").asString()).isEqualTo("gemini-2.5-flash");
        assertThat(r.get("responseId").asString()).isNotEmpty();
        assertThat(GEMINI.lastRequest().header(KEY)).isEqualTo("k");
        assertThat(post(GEMINI, GENERATE + "?key=k", HELLO).statusCode()).isEqualTo(200);
    }

    @Test
    void streamGenerateContentSendsSeveralChunksAndNoDone() throws Exception {
        var res = post(GEMINI, STREAM, HELLO, KEY, "k");
        assertThat(res.headers().firstValue("content-type").orElseThrow()).startsWith("text/event-stream");
        assertThat(res.body()).doesNotContain("[DONE]");
        List<JsonNode> chunks = sseChunks(res.body());
        assertThat(chunks.size()).isGreaterThanOrEqualTo(2);
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.at("/candidates/0/content/parts/0/text").asString()));
        assertThat(text.toString()).isEqualTo(MockProvider.REPLY_TEXT);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.at("/candidates/0").has("finishReason")).isFalse());
        JsonNode last = chunks.getLast();
        assertThat(last.at("/candidates/0/finishReason").asString()).isEqualTo("STOP");
        assertThat(last.at("/usageMetadata/candidatesTokenCount").asInt()).isPositive();
        assertThat(chunks).allSatisfy(c -> assertThat(c.get("responseId").asString()).isEqualTo(last.get("responseId").asString()));

        JsonNode array = json(post(GEMINI, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", HELLO, KEY, "k").body());
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isEqualTo(chunks.size());
    }

    @Test
    void missingKeyIsRefusedInGooglesEnvelope() throws Exception {
        var res = post(GEMINI, GENERATE, HELLO);
        assertThat(res.statusCode()).isEqualTo(403);
        JsonNode e = json(res.body()).get("error");
        assertThat(e.get("code").asInt()).isEqualTo(403);
        assertThat(e.get("status").asString()).isEqualTo("PERMISSION_DENIED");
        assertThat(e.get("message").asString()).contains("unregistered callers");
        assertThat(post(STRICT, GENERATE, HELLO).statusCode()).isEqualTo(403);
        assertThat(post(GEMINI, "/v1beta/models/x:nope", HELLO, KEY, "k").statusCode()).isEqualTo(404);
    }

    @Test
    void errorsAndRateLimitsUseGooglesEnvelope() throws Exception {
        try (MockProvider g = MockProvider.gemini()) {
            var limited = post(g.enqueue(Behaviour.rateLimited()), GENERATE, HELLO, KEY, "k");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(json(limited.body()).at("/error/status").asString()).isEqualTo("RESOURCE_EXHAUSTED");
            assertThat(json(limited.body()).at("/error/code").asInt()).isEqualTo(429);
            var failing = post(g.enqueue(Behaviour.error(503, "The model is overloaded.")), GENERATE, HELLO, KEY, "k");
            assertThat(json(failing.body()).at("/error/status").asString()).isEqualTo("UNAVAILABLE");
            assertThat(json(failing.body()).at("/error/message").asString()).isEqualTo("The model is overloaded.");
        }
    }

    static void refused(String body, String message) throws Exception {
        var res = post(STRICT, GENERATE, body, KEY, "k");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
        JsonNode e = json(res.body()).get("error");
        assertThat(e.get("code").asInt()).isEqualTo(400);
        assertThat(e.get("status").asString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(e.get("message").asString()).contains(message);
    }

    static void accepted(String body) throws Exception {
        var res = post(STRICT, GENERATE, body, KEY, "k");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    }

    @Test
    void strictRules() throws Exception {
        accepted(HELLO);
        accepted("{\"systemInstruction\":{\"parts\":[{\"text\":\"be brief\"}]},\"generationConfig\":{\"maxOutputTokens\":10},"
                + "\"contents\":[{\"parts\":[{\"text\":\"hi\"},{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}}]},"
                + "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"w\",\"args\":{\"city\":\"Paris\"}}}]},"
                + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"w\",\"response\":{\"result\":\"sunny\"}}}]}]}");
        refused("{\"contents\":[]}", "contents is not specified");
        refused("{}", "contents is not specified");
        refused("{\"contents\":[{\"role\":\"assistant\",\"parts\":[{\"text\":\"x\"}]}]}", "Please use a valid role: user, model.");
        refused("{\"contents\":[{\"role\":\"system\",\"parts\":[{\"text\":\"x\"}]}]}", "Please use a valid role: user, model.");
        refused("{\"contents\":[{\"role\":\"user\",\"parts\":[{}]}]}", "required oneof field 'data' must have one initialized field");
        refused("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"x\",\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"AA==\"}}]}]}",
                "oneof field 'data' is already set");
        refused("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"response\":{}}}]}]}",
                "contents[0].parts[0].function_response.name: Name cannot be empty.");
        refused("{\"model\":\"gemini-2.5-flash\"," + HELLO.substring(1), "Unknown name \"model\": Cannot find field.");
        refused("{\"stream\":true," + HELLO.substring(1), "Unknown name \"stream\"");
        refused("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "Unknown name \"messages\"");
        refused("{\"contents\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "Unknown name \"content\" at 'contents[0]'");
        refused("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"text\":\"x\"}]}]}",
                "Unknown name \"type\" at 'contents[0].parts[0]'");
    }
}
