package dev.ingate.observe;

import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Every request is recorded with tokens, cost and attribution; the admin API reads records and usage sums. */
class RecordingTest {

    private static final String TOKEN = "recording-admin";

    private static JsonNode admin(IngateUnderTest ingate, String pathAndQuery) {
        HttpResponse<String> response = send(request(ingate.baseUrl(), "/api/v1" + pathAndQuery).header("Authorization", "Bearer " + TOKEN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode awaitRecords(IngateUnderTest ingate, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode page;
        do {
            page = admin(ingate, "/requests?limit=1000").get("data");
            if (page.size() >= count) {
                return page;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("only " + page.size() + " of " + count + " records arrived");
    }

    @Test
    void aKnownMixIsRecordedAndSummed() throws Exception {
        try (MockProvider openai = MockProvider.openai(); MockProvider anthropic = MockProvider.anthropic();
             IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                     providers:
                       openai: { base_url: "%s" }
                       anthropic: { base_url: "%s" }
                     """.formatted(openai.baseUrl(), anthropic.baseUrl())), Map.of("INGATE_ADMIN_TOKEN", TOKEN), null)) {
            String bearer = "Bearer " + IngateUnderTest.KEY;
            HttpResponse<String> first = send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"user\":\"body-user\",\"messages\":[]}")
                    .header("Authorization", bearer).header("X-Ingate-Session-Id", "s-1"));
            send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                    "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[]}")
                    .header("Authorization", bearer).header("X-Ingate-Session-Id", "s-1").header("X-Ingate-User", "alice"));
            send(postJson(ingate.baseUrl(), "/v1/messages", "{\"model\":\"claude-3-5-haiku-latest\",\"max_tokens\":5,\"metadata\":{\"user_id\":\"bob\"},\"messages\":[]}")
                    .header("x-api-key", IngateUnderTest.KEY));
            send(postJson(ingate.baseUrl(), "/v1/messages", "{\"model\":\"claude-3-5-haiku-latest\",\"max_tokens\":5,\"stream\":true,\"messages\":[]}")
                    .header("x-api-key", IngateUnderTest.KEY).header("X-Ingate-User", "bob"));
            openai.enqueue(Behaviour.rateLimited());
            send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}").header("Authorization", bearer));
            send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{}"));   // 401

            JsonNode records = awaitRecords(ingate, 6);
            Map<Integer, Integer> byStatus = new HashMap<>();
            records.forEach(r -> byStatus.merge(r.get("status").asInt(), 1, Integer::sum));
            assertThat(byStatus).containsEntry(200, 4).containsEntry(429, 1).containsEntry(401, 1);

            String firstId = first.headers().firstValue("X-Ingate-Request-Id").orElseThrow();
            JsonNode one = admin(ingate, "/requests/" + firstId);
            assertThat(one.get("provider").asString()).isEqualTo("openai");
            assertThat(one.get("served_by").asString()).isEqualTo("openai");
            assertThat(one.get("model").asString()).isEqualTo("gpt-4o");
            assertThat(one.get("key_name").asString()).isEqualTo("test");
            assertThat(one.get("session_id").asString()).isEqualTo("s-1");
            assertThat(one.get("user").asString()).isEqualTo("body-user");
            assertThat(one.get("input_tokens").asLong()).isEqualTo(8);
            assertThat(one.get("output_tokens").asLong()).isEqualTo(377);
            assertThat(one.get("cost_usd").isNull()).isFalse();
            assertThat(one.get("cost_usd").decimalValue()).isPositive();
            assertThat(one.get("attempts").asInt()).isEqualTo(1);
            assertThat(one.get("latency_ms").asLong()).isGreaterThanOrEqualTo(0);

            JsonNode streamed = admin(ingate, "/requests?user=alice").get("data");
            assertThat(streamed.size()).isEqualTo(1);
            assertThat(streamed.get(0).get("output_tokens").asLong()).isEqualTo(377);
            assertThat(streamed.get(0).get("ttft_ms").isNull()).isFalse();

            JsonNode anthropicRows = admin(ingate, "/requests?provider=anthropic").get("data");
            assertThat(anthropicRows.size()).isEqualTo(2);
            anthropicRows.forEach(r -> {
                assertThat(r.get("user").asString()).isEqualTo("bob");
                assertThat(r.get("input_tokens").asLong()).isEqualTo(10);
                assertThat(r.get("output_tokens").asLong()).isEqualTo(12);
            });

            JsonNode usage = admin(ingate, "/usage?group_by=provider").get("data");
            Map<String, JsonNode> byProvider = new HashMap<>();
            usage.forEach(row -> byProvider.put(row.get("group").isNull() ? "" : row.get("group").asString(), row));
            assertThat(byProvider.get("openai").get("requests").asLong()).isEqualTo(3);
            assertThat(byProvider.get("openai").get("input_tokens").asLong()).isEqualTo(16);
            assertThat(byProvider.get("openai").get("output_tokens").asLong()).isEqualTo(754);
            assertThat(byProvider.get("anthropic").get("output_tokens").asLong()).isEqualTo(24);
            assertThat(admin(ingate, "/usage?group_by=user").get("data").toString()).contains("alice").contains("bob");
            assertThat(admin(ingate, "/usage?group_by=day").get("data").size()).isEqualTo(1);
            assertThat(send(request(ingate.baseUrl(), "/api/v1/usage?group_by=planet").header("Authorization", "Bearer " + TOKEN)).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void recordingCanBeSwitchedOff() throws Exception {
        try (MockProvider openai = MockProvider.openai();
             IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                     recording: { enabled: false }
                     providers:
                       openai: { base_url: "%s" }
                     """.formatted(openai.baseUrl())), Map.of("INGATE_ADMIN_TOKEN", TOKEN), null)) {
            HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}")
                    .header("Authorization", "Bearer " + IngateUnderTest.KEY));
            assertThat(response.statusCode()).isEqualTo(200);
            Thread.sleep(500);
            assertThat(admin(ingate, "/requests").get("data").size()).isZero();
            assertThat(send(request(ingate.baseUrl(), "/metrics")).body()).contains("status=\"200\"")
                    .contains("ingate_tokens_total{model=\"gpt-4o\",provider=\"openai\",type=\"output\"} 377.0")   // metrics keep tokens
                    .contains("ingate_records_written_total 0.0");
        }
    }

    @Test
    void gzippedAnswersStillCarryUsage() throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            String answer = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"" + "hello ".repeat(200) + "\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":31,\"completion_tokens\":200,\"total_tokens\":231}}";
            int port = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setCompressionSupported(true))
                    .requestHandler(req -> req.body().onComplete(b -> req.response().putHeader("content-type", "application/json").end(answer)))
                    .listen(0, "127.0.0.1").await().actualPort();
            try (IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                    providers:
                      openai: { base_url: "http://127.0.0.1:%d" }
                    """.formatted(port)), Map.of("INGATE_ADMIN_TOKEN", TOKEN), null)) {
                HttpResponse<byte[]> response = dev.ingate.testkit.HttpCalls.send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                                "{\"model\":\"gpt-4o\",\"messages\":[]}").header("Authorization", "Bearer " + IngateUnderTest.KEY)
                        .header("Accept-Encoding", "gzip"), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.headers().firstValue("content-encoding")).contains("gzip");
                byte[] plain = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body())).readAllBytes();
                assertThat(new String(plain, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(answer);
                JsonNode record = awaitRecords(ingate, 1).get(0);
                assertThat(record.get("input_tokens").asLong()).isEqualTo(31);
                assertThat(record.get("output_tokens").asLong()).isEqualTo(200);
                assertThat(record.get("served_model").asString()).isEqualTo("gpt-4o-2024-08-06");
            }
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void openAiStreamsAreMeteredEvenWhenTheClientDidNotAskForUsage() throws Exception {
        try (MockProvider openai = MockProvider.openai();
             IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                     providers:
                       openai: { base_url: "%s" }
                     """.formatted(openai.baseUrl())), Map.of("INGATE_ADMIN_TOKEN", TOKEN), null)) {
            HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                    "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}").header("Authorization", "Bearer " + IngateUnderTest.KEY));
            assertThat(response.body()).contains("data: [DONE]").contains(MockProvider.REPLY_TEXT.substring(0, 2)).doesNotContain("usage");
            assertThat(openai.lastRequest().json().at("/stream_options/include_usage").asBoolean()).isTrue();
            JsonNode record = awaitRecords(ingate, 1).get(0);
            assertThat(record.get("output_tokens").asLong()).isEqualTo(377);
            assertThat(record.get("input_tokens").asLong()).isEqualTo(8);

            HttpResponse<String> asked = send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                    "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[]}")
                    .header("Authorization", "Bearer " + IngateUnderTest.KEY));
            assertThat(asked.body()).contains("\"usage\":{").contains("\"usage\":null");
        }
    }
}
