package dev.ingate.proxy;

import dev.ingate.testkit.IngateUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC section 3's resolution: header, then path, then default provider, else 400; unknown or disabled 404. */
class ResolutionTest extends ProxyTestBase {

    private static final String KEY = "Bearer " + IngateUnderTest.KEY;

    @ParameterizedTest
    @CsvSource({
            "POST, /v1/chat/completions, openai",
            "POST, /v1/completions, openai",
            "POST, /v1/embeddings, openai",
            "GET, /v1/models, openai",
            "POST, /v1/responses, openai",
            "POST, /v1/messages, anthropic",
            "POST, /api/chat, ollama",
            "POST, /api/generate, ollama"})
    void pathDetectionPicksTheProvider(String method, String path, String expected) {
        HttpRequest.Builder call = request(fx.url(), path).header("Authorization", KEY);
        if (method.equals("POST")) {
            call.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":false,\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"prompt\":\"hi\",\"input\":\"hi\"}"));
        }
        HttpResponse<String> response = send(call);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains(expected);
        assertThat(response.headers().firstValue("X-Ingate-Attempts")).contains("1");
        assertThat(response.headers().firstValue("X-Ingate-Overhead-Ms")).isPresent();
        assertThat(response.headers().firstValue("X-Ingate-Request-Id")).get().asString().hasSize(36);
        var mock = switch (expected) {
            case "openai" -> fx.openai;
            case "anthropic" -> fx.anthropic;
            default -> fx.ollama;
        };
        assertThat(mock.lastRequest().path()).isEqualTo(path);
        assertThat(mock.lastRequest().method()).isEqualTo(method);
    }

    @Test
    void theHeaderWinsOverThePath() {
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/chat/completions", "{\"model\":\"m\"}")
                .header("Authorization", KEY).header("X-Ingate-Provider", "together"));
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("together");
        assertThat(fx.openai.lastRequest().header("x-ingate-provider")).isNull();
    }

    @Test
    void anUnknownPathWithoutDefaultIs400() {
        HttpResponse<String> response = send(request(fx.url(), "/v2/whatever").header("Authorization", KEY));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asString()).isEqualTo("no_provider");
        assertThat(fx.openai.requests()).isEmpty();
    }

    @Test
    void anUnknownProviderIs404() {
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/messages", "{}")
                .header("x-api-key", IngateUnderTest.KEY).header("X-Ingate-Provider", "nope"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/type").asString()).isEqualTo("error");
        assertThat(json(response).at("/error/type").asString()).isEqualTo("not_found_error");
    }

    @Test
    void aDisabledProviderIs404() {
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/chat/completions", "{}")
                .header("Authorization", KEY).header("X-Ingate-Provider", "switched-off"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asString()).isEqualTo("provider_disabled");
        assertThat(fx.openai.requests()).isEmpty();
    }

    @Test
    void theDefaultProviderTakesUnknownPaths() {
        try (ProxyFixture withDefault = new ProxyFixture("default_provider: ollama\n")) {
            HttpResponse<String> response = send(request(withDefault.url(), "/api/tags").header("X-Ingate-Key", IngateUnderTest.KEY));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("ollama");
            assertThat(withDefault.ollama.lastRequest().path()).isEqualTo("/api/tags");
        }
    }
}
