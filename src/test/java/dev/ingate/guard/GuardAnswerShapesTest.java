package dev.ingate.guard;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Output rules on answers that need more than a plain chat body: Responses streams, Ollama lines, compressed answers. */
class GuardAnswerShapesTest {

    private static final String BEARER = "Bearer " + IngateUnderTest.KEY;
    private static final String RULES = """
            guardrails:
              - { name: scrub, on: output, type: regex, pattern: "(?i)help", action: redact }
            """;

    @Test
    void aResponsesStreamIsRedactedInItsDeltasAndInItsClosingEvents() {
        try (MockProvider openai = MockProvider.openai().strict();
             IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                     providers:
                       openai: { base_url: "%s" }
                     """.formatted(openai.baseUrl()) + RULES))) {
            HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/responses",
                    "{\"model\":\"gpt-4o\",\"stream\":true,\"input\":\"hi\"}").header("Authorization", BEARER));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(MockProvider.REPLY_TEXT).containsIgnoringCase("help");
            assertThat(response.body()).doesNotContainIgnoringCase("help").contains("[REDACTED:scrub]")
                    .contains("event: response.completed");
        }
    }

    @Test
    void anOllamaStreamIsRedactedLineByLine() {
        try (MockProvider ollama = MockProvider.ollama();
             IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                     providers:
                       ollama: { base_url: "%s" }
                     """.formatted(ollama.baseUrl()) + RULES))) {
            HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/api/chat",
                    "{\"model\":\"llama3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").header("Authorization", BEARER));
            assertThat(response.statusCode()).isEqualTo(200);
            StringBuilder text = new StringBuilder();
            response.body().lines().forEach(line -> text.append(dev.ingate.testkit.HttpCalls.json(line).at("/message/content").asString("")));
            assertThat(text.toString()).isEqualTo(MockProvider.REPLY_TEXT.replaceAll("(?i)help", "[REDACTED:scrub]"));
        }
    }

    @Test
    void aClientAskingForGzipStillGetsARedactedAnswer() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            String answer = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"" + "We help. ".repeat(100) + "\"},\"finish_reason\":\"stop\"}]}";
            int port = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
                    .requestHandler(req -> req.body().onComplete(b -> req.response().putHeader("content-type", "application/json").end(answer)))
                    .listen(0, "127.0.0.1").await().actualPort();
            try (IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                    providers:
                      openai: { base_url: "http://127.0.0.1:%d" }
                    """.formatted(port) + RULES))) {
                HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                        "{\"model\":\"gpt-4o\",\"messages\":[]}").header("Authorization", BEARER).header("Accept-Encoding", "gzip"));
                assertThat(response.headers().firstValue("content-encoding")).isEmpty();
                assertThat(response.body()).contains("We [REDACTED:scrub]. ").doesNotContain("help");
            }
        } finally {
            vertx.close().await();
        }
    }
}
