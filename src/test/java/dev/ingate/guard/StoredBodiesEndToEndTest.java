package dev.ingate.guard;

import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** With capture_bodies on, stored bodies get the PII redaction of every pii rule, whatever the rule's action. */
class StoredBodiesEndToEndTest {

    private static final String TOKEN = "guard-admin";
    private static final String BEARER = "Bearer " + IngateUnderTest.KEY;

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

    @Test
    void capturedBodiesNeverHoldThePii() throws Exception {
        try (MockProvider openai = MockProvider.openai();
             IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                     recording: { capture_bodies: true }
                     providers:
                       openai: { base_url: "%s" }
                     guardrails:
                       - { name: watch-pii, on: input, type: pii, kinds: [email, secret], action: log }
                     """.formatted(openai.baseUrl())), Map.of("INGATE_ADMIN_TOKEN", TOKEN), null)) {
            String question = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"I am jane.doe@example.com, key AKIAIOSFODNN7EXAMPLE\"}]}";
            openai.enqueue(Behaviour.json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello jane.doe@example.com\"},\"finish_reason\":\"stop\"}]}"));
            HttpResponse<String> plain = send(postJson(ingate.baseUrl(), "/v1/chat/completions", question).header("Authorization", BEARER));
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.body()).as("a log rule changes nothing the client or upstream sees").contains("Hello jane.doe@example.com");
            assertThat(openai.lastRequest().bodyText()).isEqualTo(question);
            JsonNode record = recordOf(ingate, plain);
            assertThat(record.get("request_body").asString())
                    .isEqualTo(question.replace("jane.doe@example.com", "[REDACTED:email]").replace("AKIAIOSFODNN7EXAMPLE", "[REDACTED:secret]"));
            assertThat(record.get("response_body").asString()).contains("Hello [REDACTED:email]").doesNotContain("jane.doe");

            openai.enqueue(Behaviour.sse(List.of(
                    "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"token ghp_16C7e42F292c6912E7710c838347Ae178B4a\"}}]}\n\n",
                    "data: [DONE]\n\n"), Duration.ZERO));
            HttpResponse<String> streamed = send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                    "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}").header("Authorization", BEARER));
            assertThat(streamed.body()).contains("ghp_16C7e42F292c6912E7710c838347Ae178B4a");
            assertThat(recordOf(ingate, streamed).get("response_body").asString())
                    .contains("token [REDACTED:secret]").doesNotContain("ghp_");
        }
    }
}
