package dev.ingate.proxy;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** A key limited to some providers and model globs gets 403 outside them, in the caller's envelope. */
class KeyScopeTest extends ProxyTestBase {

    private static final String SCOPED = "sk-ingate-scoped0123456789abcdefghijklmnop";

    @Override
    protected ProxyFixture createFixture() throws Exception {
        return new ProxyFixture("", "", "  - { name: team-a, key: \"%s\", providers: [openai], models: [\"gpt-4o*\", \"o?-mini\"] }".formatted(SCOPED));
    }

    private HttpResponse<String> chat(String model) {
        return send(postJson(fx.url(), "/v1/chat/completions", "{\"model\":\"" + model + "\",\"messages\":[]}").header("Authorization", "Bearer " + SCOPED));
    }

    @Test
    void modelsInsideTheGlobsPass() {
        assertThat(chat("gpt-4o").statusCode()).isEqualTo(200);
        assertThat(chat("gpt-4o-mini-2024-07-18").statusCode()).isEqualTo(200);
        assertThat(chat("o3-mini").statusCode()).isEqualTo(200);
    }

    @Test
    void otherModelsAre403() {
        HttpResponse<String> response = chat("gpt-3.5-turbo");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).at("/error/type").asString()).isEqualTo("permission_error");
        assertThat(json(response).at("/error/code").asString()).isEqualTo("model_not_allowed");
        assertThat(chat("o10-mini").statusCode()).isEqualTo(403);
    }

    @Test
    void otherProvidersAre403InTheirEnvelope() {
        HttpResponse<String> response = send(postJson(fx.url(), "/v1/messages", "{\"model\":\"gpt-4o\"}").header("x-api-key", SCOPED));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).at("/type").asString()).isEqualTo("error");
        assertThat(json(response).at("/error/type").asString()).isEqualTo("permission_error");
        assertThat(fx.anthropic.requests()).isEmpty();
    }

    @Test
    void requestsWithoutAModelAreNotLimitedByModelScope() {
        assertThat(send(request(fx.url(), "/v1/models").header("Authorization", "Bearer " + SCOPED)).statusCode()).isEqualTo(200);
    }
}
