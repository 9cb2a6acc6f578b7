package dev.ingate.proxy;

import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error Ingate answers, in the caller's envelope, in SPEC section 4's order of checks. */
class ErrorsTest extends ProxyTestBase {

    private static final String BEARER = "Bearer " + IngateUnderTest.KEY;
    private int deadPort;

    @Override
    protected ProxyFixture createFixture() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        return new ProxyFixture("""
                server:
                  max_request_body: 1KB
                  upstream_timeout: 500ms
                  stream_idle_timeout: 700ms
                """, "  dead: { type: openai, base_url: \"http://127.0.0.1:%d\" }".formatted(deadPort), "");
    }

    private static JsonNode openAiError(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("X-Ingate-Request-Id")).isPresent();
        JsonNode body = json(response);
        assertThat(body.at("/error/type").asString()).isEqualTo(type);
        assertThat(body.at("/error/message").asString()).isNotBlank();
        assertThat(body.at("/error").has("code")).isTrue();
        return body;
    }

    @Test
    void missingAndWrongKeysAre401InEachEnvelope() {
        openAiError(send(postJson(fx.url(), "/v1/chat/completions", "{}")), 401, "authentication_error");
        openAiError(send(postJson(fx.url(), "/v1/chat/completions", "{}").header("Authorization", "Bearer sk-ingate-wrong")), 401, "authentication_error");
        HttpResponse<String> anthropic = send(postJson(fx.url(), "/v1/messages", "{}").header("x-api-key", "sk-ant-not-a-gateway-key"));
        assertThat(anthropic.statusCode()).isEqualTo(401);
        assertThat(json(anthropic).at("/type").asString()).isEqualTo("error");
        assertThat(json(anthropic).at("/error/type").asString()).isEqualTo("authentication_error");
        HttpResponse<String> ollama = send(postJson(fx.url(), "/api/chat", "{}"));
        assertThat(ollama.statusCode()).isEqualTo(401);
        assertThat(json(ollama).get("error").isString()).isTrue();
        assertThat(fx.openai.requests()).isEmpty();
    }

    @Test
    void checksRunInSpecOrder() {
        // 401 before resolution, content type, size and JSON
        assertThat(send(request(fx.url(), "/v1/chat/completions").header("X-Ingate-Provider", "nope")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000)))).statusCode()).isEqualTo(401);
        // resolution (404) before 415
        assertThat(send(request(fx.url(), "/v1/chat/completions").header("Authorization", BEARER).header("X-Ingate-Provider", "nope")
                .POST(HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(404);
        // 415 before 413
        openAiError(send(request(fx.url(), "/v1/chat/completions").header("Authorization", BEARER).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000)))), 415, "invalid_request_error");
        // 413 before malformed JSON
        openAiError(send(postJson(fx.url(), "/v1/chat/completions", "{" + "x".repeat(5000)).header("Authorization", BEARER)), 413, "invalid_request_error");
        // and malformed JSON last
        openAiError(send(postJson(fx.url(), "/v1/chat/completions", "{\"model\":").header("Authorization", BEARER)), 400, "invalid_request_error");
        assertThat(fx.openai.requests()).isEmpty();
    }

    @Test
    void malformedJsonVariantsAre400() {
        for (String bad : new String[]{"", "{", "{\"a\":1} trailing", "[1,2", "{'single':1}", "nul"}) {
            JsonNode body = openAiError(send(postJson(fx.url(), "/v1/chat/completions", bad).header("Authorization", BEARER)), 400, "invalid_request_error");
            assertThat(body.at("/error/code").asString()).isEqualTo("invalid_json");
        }
        HttpResponse<String> anthropic = send(postJson(fx.url(), "/v1/messages", "{oops").header("x-api-key", IngateUnderTest.KEY));
        assertThat(anthropic.statusCode()).isEqualTo(400);
        assertThat(json(anthropic).at("/error/type").asString()).isEqualTo("invalid_request_error");
    }

    @Test
    void aNonJsonEndpointTakesAnyBody() {
        HttpResponse<String> response = send(request(fx.url(), "/v1/files").header("Authorization", BEARER)
                .header("X-Ingate-Provider", "openai").header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("not json")));
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("openai");
        assertThat(fx.openai.lastRequest().bodyText()).isEqualTo("not json");
    }

    @Test
    void contentTypeWithCharsetIsJson() {
        HttpResponse<String> response = send(request(fx.url(), "/v1/chat/completions").header("Authorization", BEARER)
                .header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\"}")));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aDeadUpstreamIs502() {
        JsonNode body = openAiError(send(postJson(fx.url(), "/v1/chat/completions", "{}").header("Authorization", BEARER)
                .header("X-Ingate-Provider", "dead")), 502, "upstream_error");
        assertThat(body.at("/error/code").asString()).isEqualTo("upstream_unreachable");
    }

    @Test
    void aHungUpstreamIs504AndTheUpstreamCallIsCancelled() {
        fx.openai.enqueue(Behaviour.hang());
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/chat/completions", "{}").header("Authorization", BEARER));
        JsonNode body = openAiError(response, 504, "timeout_error");
        assertThat(body.at("/error/code").asString()).isEqualTo("upstream_timeout");
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("openai");
        fx.openai.awaitAbort(java.time.Duration.ofSeconds(2));
    }

    @Test
    void anthropicCallersGetAnthropicTimeouts() {
        fx.anthropic.enqueue(Behaviour.hang());
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/messages", "{}").header("x-api-key", IngateUnderTest.KEY));
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(json(response).at("/error/type").asString()).isEqualTo("timeout_error");
    }

    @Test
    void upstreamErrorsAreRelayedWithStatusAndBody() {
        fx.openai.enqueue(Behaviour.status(418, "{\"error\":{\"message\":\"teapot\",\"type\":\"x\"}}"));
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/chat/completions", "{}").header("Authorization", BEARER));
        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.body()).isEqualTo("{\"error\":{\"message\":\"teapot\",\"type\":\"x\"}}");
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("openai");
    }

    @Test
    void unknownIngateRoutesUnderApiAreNotProxied() {
        HttpResponse<String> response = send(request(fx.url(), "/api/v1/providers"));
        openAiError(response, 401, "authentication_error");
        assertThat(fx.ollama.requests()).isEmpty();
    }
}
