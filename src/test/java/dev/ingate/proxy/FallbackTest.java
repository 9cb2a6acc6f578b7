package dev.ingate.proxy;

import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC section 3's fallback: retryable outcomes move down the primary's chain (translating for an entry of
 * another shape), a 400 does not, nothing moves after the first byte, and the last error reaches the client.
 */
class FallbackTest extends ProxyTestBase {

    private static final String BEARER = "Bearer " + IngateUnderTest.KEY;
    private static final String CHAT = """
            {"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello"}]}""";
    private static final String CHAT_STREAM = """
            {"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Hello"}]}""";

    @Override
    protected ProxyFixture createFixture() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        return new ProxyFixture("""
                server:
                  upstream_timeout: 400ms
                fallbacks:
                  openai:
                    - provider: anthropic
                      model: claude-3-5-haiku-latest
                  dead:
                    - provider: openai
                  together:
                    - provider: azure-gpt4
                      model: gpt-4o
                """, "  dead: { type: openai, base_url: \"http://127.0.0.1:%d\" }".formatted(deadPort), "");
    }

    private HttpResponse<String> chat(String body, String... headers) {
        var request = postJson(fx.url(), "/v1/chat/completions", body).header("Authorization", BEARER);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static void servedBy(HttpResponse<String> response, String provider, int attempts) {
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains(provider);
        assertThat(response.headers().firstValue("X-Ingate-Attempts")).contains(String.valueOf(attempts));
    }

    @Test
    void a503MovesToTheAnthropicEntryWhichIsTranslatedBothWays() {
        fx.openai.enqueue(Behaviour.error(503, "overloaded"));
        HttpResponse<String> response = chat(CHAT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        servedBy(response, "anthropic", 2);
        JsonNode body = json(response);
        assertThat(body.path("object").asString()).isEqualTo("chat.completion");
        assertThat(body.at("/choices/0/message/content").asString()).isEqualTo(MockProvider.REPLY_TEXT);
        assertThat(body.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        assertThat(body.at("/usage/prompt_tokens").asInt()).isPositive();

        MockProvider.Recorded upstream = fx.anthropic.lastRequest();
        assertThat(upstream.path()).isEqualTo("/v1/messages");
        assertThat(upstream.header("x-api-key")).isEqualTo(ProxyFixture.ANTHROPIC_UPSTREAM_KEY);
        assertThat(upstream.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(upstream.header("authorization")).isNull();
        JsonNode sent = upstream.json();
        assertThat(sent.path("model").asString()).isEqualTo("claude-3-5-haiku-latest");
        assertThat(sent.path("system").asString()).isEqualTo("Be brief.");
        assertThat(sent.path("max_tokens").asInt()).as("the catalog's maximum output for the model").isEqualTo(8192);
        assertThat(sent.at("/messages/0/role").asString()).isEqualTo("user");
        assertThat(sent.path("messages").size()).isEqualTo(1);
    }

    @Test
    void aStreamFallsBackAndArrivesInTheCallersGrammar() {
        fx.openai.enqueue(Behaviour.rateLimited());
        HttpResponse<String> response = chat(CHAT_STREAM);
        assertThat(response.statusCode()).isEqualTo(200);
        servedBy(response, "anthropic", 2);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        StringBuilder text = new StringBuilder();
        String last = null;
        for (String line : response.body().split("\n")) {
            if (!line.startsWith("data: ")) {
                continue;
            }
            last = line.substring(6);
            if (!last.equals("[DONE]")) {
                JsonNode chunk = json(last);
                assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
                assertThat(chunk.has("usage")).as("the client did not ask for usage").isFalse();
                text.append(chunk.at("/choices/0/delta/content").asString(""));
            }
        }
        assertThat(text.toString()).isEqualTo(MockProvider.REPLY_TEXT);
        assertThat(last).isEqualTo("[DONE]");
        assertThat(fx.anthropic.lastRequest().json().path("stream").asBoolean()).isTrue();
    }

    @Test
    void a400IsTheAnswerAndDoesNotMoveOn() {
        fx.openai.enqueue(Behaviour.error(400, "bad temperature"));
        HttpResponse<String> response = chat(CHAT);
        assertThat(response.statusCode()).isEqualTo(400);
        servedBy(response, "openai", 1);
        assertThat(json(response).at("/error/message").asString()).isEqualTo("bad temperature");
        assertThat(fx.anthropic.requests()).isEmpty();
    }

    @Test
    void aConnectFailureMovesOnWithTheBodyUntouched() {
        HttpResponse<String> response = chat(CHAT, "X-Ingate-Provider", "dead");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        servedBy(response, "openai", 2);
        assertThat(fx.openai.lastRequest().bodyText()).isEqualTo(CHAT);
    }

    @Test
    void aTimeoutBeforeTheHeadMovesOnAndASameShapeEntrysModelIsSplicedIn() {
        fx.openai.enqueue(Behaviour.hang());
        HttpResponse<String> response = chat(CHAT, "X-Ingate-Provider", "together", "Authorization", "Bearer sk-caller-own");
        // the OpenAI mock knows no Azure deployment path: its 404 is azure-gpt4's answer, relayed as the last word
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        servedBy(response, "azure-gpt4", 2);
        MockProvider.Recorded second = fx.openai.lastRequest();
        assertThat(second.path()).isEqualTo("/openai/deployments/gpt-4o/chat/completions");
        assertThat(second.bodyText()).isEqualTo(CHAT.replace("\"gpt-4o-mini\"", "\"gpt-4o\""));
    }

    @Test
    void nothingMovesOnAfterTheFirstByte() {
        fx.openai.enqueue(Behaviour.cutStreamAfter(2));
        try {
            chat(CHAT_STREAM);
        } catch (RuntimeException cut) {
            // the client may see the cut as an I/O error: either way, no second attempt
        }
        assertThat(fx.anthropic.requests()).isEmpty();
    }

    @Test
    void whenEveryAttemptFailsTheLastErrorArrivesInTheCallersEnvelopeWithItsStatus() {
        fx.openai.enqueue(Behaviour.error(502, "bad gateway"));
        fx.anthropic.enqueue(Behaviour.error(500, "anthropic is down"));
        HttpResponse<String> response = chat(CHAT);
        assertThat(response.statusCode()).isEqualTo(500);
        servedBy(response, "anthropic", 2);
        JsonNode body = json(response);
        assertThat(body.at("/error/message").asString()).isEqualTo("anthropic is down");
        assertThat(body.at("/error/type").asString()).isEqualTo("server_error");
        assertThat(body.has("type")).as("not Anthropic's envelope").isFalse();
    }

    @Test
    void whenTheLastAttemptGetsNoAnswerTheClientGets504() {
        fx.openai.enqueue(Behaviour.error(503, "busy"));
        fx.anthropic.enqueue(Behaviour.hang());
        HttpResponse<String> response = chat(CHAT);
        assertThat(response.statusCode()).isEqualTo(504);
        servedBy(response, "anthropic", 2);
        assertThat(json(response).at("/error/type").asString()).isNotBlank();
    }

    @Test
    void aBodyThatIsNotAValidChatRequestIs400WhenItMustBeTranslated() {
        fx.openai.enqueue(Behaviour.error(503, "busy"));
        HttpResponse<String> response = chat("{\"model\":\"gpt-4o-mini\",\"messages\":\"not a list\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/message").asString()).contains("'messages' must be a non-empty array");
        assertThat(fx.anthropic.requests()).isEmpty();
    }

    @Test
    void aLargeBodyIsTranslatedOffTheEventLoopAndArrivesWhole() {
        String big = "x".repeat(600_000);
        fx.openai.enqueue(Behaviour.error(503, "busy"));
        HttpResponse<String> response = chat("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + big + "\"}]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        servedBy(response, "anthropic", 2);
        assertThat(fx.anthropic.lastRequest().json().at("/messages/0/content/0/text").asString()).isEqualTo(big);
    }

    @Test
    void retriesWaitForTheSlowUpstreamOnlyUntilTheTimeout() {
        fx.openai.enqueue(Behaviour.delay(Duration.ofMillis(50)));
        HttpResponse<String> response = chat(CHAT);
        assertThat(response.statusCode()).isEqualTo(200);
        servedBy(response, "openai", 1);
    }
}
