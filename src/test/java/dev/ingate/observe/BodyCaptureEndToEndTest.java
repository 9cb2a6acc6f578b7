package dev.ingate.observe;

import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** recording.capture_bodies through real HTTP: the bodies show on GET /api/v1/requests/{id}, cut at max_body_size. */
class BodyCaptureEndToEndTest {

    private static final String TOKEN = "capture-admin";
    private static final String BEARER = "Bearer " + IngateUnderTest.KEY;

    private static JsonNode admin(IngateUnderTest ingate, String pathAndQuery) {
        HttpResponse<String> response = send(request(ingate.baseUrl(), "/api/v1" + pathAndQuery).header("Authorization", "Bearer " + TOKEN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** The record of the request that got {@code response}, once the writer has stored it. */
    private static JsonNode recordOf(IngateUnderTest ingate, HttpResponse<?> response) throws InterruptedException {
        String id = response.headers().firstValue("X-Ingate-Request-Id").orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> found = send(request(ingate.baseUrl(), "/api/v1/requests/" + id).header("Authorization", "Bearer " + TOKEN));
            if (found.statusCode() == 200) {
                return json(found);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("request " + id + " was not recorded");
    }

    private static IngateUnderTest start(String recording, String openAiUrl) {
        return IngateUnderTest.start(IngateUnderTest.withKey("""
                recording: %s
                providers:
                  openai: { base_url: "%s" }
                """.formatted(recording, openAiUrl)), Map.of("INGATE_ADMIN_TOKEN", TOKEN), null);
    }

    @Test
    void plainAndStreamedBodiesAreCapturedAndLongOnesCut() throws Exception {
        try (MockProvider openai = MockProvider.openai();
             IngateUnderTest ingate = start("{ capture_bodies: true, max_body_size: 4KB }", openai.baseUrl())) {
            String question = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"grüß dich\"}]}";
            HttpResponse<String> plain = send(postJson(ingate.baseUrl(), "/v1/chat/completions", question).header("Authorization", BEARER));
            assertThat(plain.statusCode()).isEqualTo(200);
            JsonNode record = recordOf(ingate, plain);
            assertThat(record.get("request_body").asString()).isEqualTo(question);
            assertThat(record.get("response_body").asString()).isEqualTo(plain.body());
            assertThat(record.get("body_truncated").get("request").asBoolean()).isFalse();
            assertThat(record.get("body_truncated").get("response").asBoolean()).isFalse();
            assertThat(record.get("body_encoding").get("response").isNull()).isTrue();

            String streamQuestion = "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[]}";
            HttpResponse<String> streamed = send(postJson(ingate.baseUrl(), "/v1/chat/completions", streamQuestion).header("Authorization", BEARER));
            assertThat(streamed.body()).contains("data: [DONE]");
            JsonNode streamRecord = recordOf(ingate, streamed);
            assertThat(streamRecord.get("request_body").asString()).isEqualTo(streamQuestion);
            assertThat(streamRecord.get("response_body").asString()).isEqualTo(streamed.body());
            assertThat(streamRecord.get("body_truncated").get("response").asBoolean()).isFalse();

            String longQuestion = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "why? ".repeat(2_000) + "\"}]}";
            String longAnswer = "{\"id\":\"chatcmpl-long\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"" + "because. ".repeat(2_000) + "\"},\"finish_reason\":\"stop\"}]}";
            openai.enqueue(Behaviour.json(200, longAnswer));
            HttpResponse<String> cut = send(postJson(ingate.baseUrl(), "/v1/chat/completions", longQuestion).header("Authorization", BEARER));
            assertThat(cut.body()).isEqualTo(longAnswer);   // the client gets it whole: only the stored copy is cut
            JsonNode cutRecord = recordOf(ingate, cut);
            assertThat(cutRecord.get("request_body").asString()).isEqualTo(longQuestion.substring(0, 4096));
            assertThat(cutRecord.get("response_body").asString()).isEqualTo(longAnswer.substring(0, 4096));
            assertThat(cutRecord.get("body_truncated").get("request").asBoolean()).isTrue();
            assertThat(cutRecord.get("body_truncated").get("response").asBoolean()).isTrue();

            JsonNode page = admin(ingate, "/requests?limit=10").get("data");
            assertThat(page.size()).isEqualTo(3);
            page.forEach(row -> assertThat(row.has("request_body")).isFalse());   // the list stays slim
        }
    }

    /** The reason a capture stores what it can: an answer refused before any upstream has a request and no response. */
    @Test
    void aRequestRefusedByIngateKeepsItsBodyOnly() throws Exception {
        try (MockProvider openai = MockProvider.openai();
             IngateUnderTest ingate = start("{ capture_bodies: true }", openai.baseUrl())) {
            HttpResponse<String> malformed = send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":").header("Authorization", BEARER));
            assertThat(malformed.statusCode()).isEqualTo(400);
            JsonNode record = recordOf(ingate, malformed);
            assertThat(record.get("request_body").asString()).isEqualTo("{\"model\":");
            assertThat(record.get("response_body").isNull()).isTrue();
        }
    }

    @Test
    void aGzippedAnswerIsShownInflated() throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            String answer = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"" + "hello ".repeat(200) + "\"},\"finish_reason\":\"stop\"}]}";
            int port = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setCompressionSupported(true))
                    .requestHandler(req -> req.body().onComplete(b -> req.response().putHeader("content-type", "application/json").end(answer)))
                    .listen(0, "127.0.0.1").await().actualPort();
            try (IngateUnderTest ingate = start("{ capture_bodies: true }", "http://127.0.0.1:" + port)) {
                HttpResponse<byte[]> response = dev.ingate.testkit.HttpCalls.send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                        "{\"model\":\"gpt-4o\",\"messages\":[]}").header("Authorization", BEARER).header("Accept-Encoding", "gzip"),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.headers().firstValue("content-encoding")).contains("gzip");
                JsonNode record = recordOf(ingate, response);
                assertThat(record.get("response_body").asString()).isEqualTo(answer);
                assertThat(record.get("body_encoding").get("response").isNull()).isTrue();
            }
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void withCaptureOffTheBodiesAreNull() throws Exception {
        try (MockProvider openai = MockProvider.openai();
             IngateUnderTest ingate = start("{ enabled: true }", openai.baseUrl())) {
            HttpResponse<String> plain = send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}")
                    .header("Authorization", BEARER));
            JsonNode record = recordOf(ingate, plain);
            assertThat(record.get("request_body").isNull()).isTrue();
            assertThat(record.get("response_body").isNull()).isTrue();
            assertThat(record.get("body_truncated").isNull()).isTrue();
            assertThat(Thread.getAllStackTraces().keySet()).as("the retention pruner runs beside the gateway")
                    .anyMatch(t -> t.getName().equals("ingate-retention") && t.isAlive());
        }
    }
}
