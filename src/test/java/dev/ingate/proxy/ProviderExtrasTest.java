package dev.ingate.proxy;

import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** ingate.ext.<provider>.<key>: extras reach only the provider that serves, and the ingate field never leaves. */
class ProviderExtrasTest extends ProxyTestBase {

    @Override
    protected ProxyFixture createFixture() {
        return new ProxyFixture("""
                fallbacks:
                  openai:
                    - provider: anthropic
                      model: claude-3-5-haiku-latest
                """);
    }

    private HttpResponse<String> post(String path, String body, String... headers) {
        var request = postJson(fx.url(), path, body).header("Authorization", "Bearer " + IngateUnderTest.KEY);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    @Test
    void nestedExtrasGoToTheServingProviderOnly() {
        HttpResponse<String> response = post("/v1/messages", """
                {"model":"claude-3-5-haiku-latest","max_tokens":10,"messages":[{"role":"user","content":"hi"}],
                 "ingate":{"ext":{"anthropic":{"top_k":5},"openai":{"seed":1}}}}""");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sent = fx.anthropic.lastRequest().json();
        assertThat(sent.path("top_k").asInt()).isEqualTo(5);
        assertThat(sent.has("ingate")).isFalse();
        assertThat(sent.has("seed")).isFalse();
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(10);
    }

    @Test
    void flatExtrasFollowAFallbackToAnotherShape() {
        fx.openai.enqueue(Behaviour.error(503, "busy"));
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],
                 "ingate.ext.openai.seed":7,"ingate.ext.anthropic.top_k":3,"ingate.ext.azure-gpt4.x":1}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("anthropic");
        assertThat(response.headers().firstValue("X-Ingate-Dropped-Params").orElse("")).doesNotContain("ingate");
        JsonNode toOpenAi = fx.openai.lastRequest().json();
        assertThat(toOpenAi.path("seed").asInt()).isEqualTo(7);
        assertThat(toOpenAi.properties()).extracting(java.util.Map.Entry::getKey).noneMatch(name -> name.startsWith("ingate"));
        JsonNode toAnthropic = fx.anthropic.lastRequest().json();
        assertThat(toAnthropic.path("top_k").asInt()).isEqualTo(3);
        assertThat(toAnthropic.has("seed")).isFalse();
        assertThat(toAnthropic.properties()).extracting(java.util.Map.Entry::getKey).noneMatch(name -> name.startsWith("ingate"));
    }

    @Test
    void aBodyWithoutExtrasPassesByteForByte() {
        String body = "{ \"model\" : \"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}], \"x_unknown\": {\"a\": 1.50} }";
        post("/v1/chat/completions", body);
        assertThat(fx.openai.lastRequest().bodyText()).isEqualTo(body);
    }
}
