package dev.ingate.proxy;

import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Retries on the same provider (backoff, Retry-After) before the fallback; the circuit breaker is off here. */
class RetriesTest extends ProxyTestBase {

    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

    @Override
    protected ProxyFixture createFixture() {
        return new ProxyFixture("""
                retries: { max: 2, backoff: 20ms, max_backoff: 1500ms }
                circuit_breaker: { failures: 0, cooldown: 60s }
                fallbacks:
                  openai:
                    - provider: anthropic
                """);
    }

    private HttpResponse<String> chat(String provider) {
        return send(postJson(fx.url(), "/v1/chat/completions", CHAT)
                .header("Authorization", "Bearer " + IngateUnderTest.KEY).header("X-Ingate-Provider", provider));
    }

    @Test
    void retriesTheSameProviderBeforeFallingBack() {
        fx.openai.enqueue(Behaviour.error(503, "one")).enqueue(Behaviour.error(502, "two"));
        HttpResponse<String> response = chat("openai");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("openai");
        assertThat(response.headers().firstValue("X-Ingate-Attempts")).contains("3");
        assertThat(fx.anthropic.requests()).isEmpty();
    }

    @Test
    void retryAfterIsWaitedFor() {
        fx.openai.enqueue(Behaviour.rateLimited());   // retry-after: 1
        long start = System.nanoTime();
        HttpResponse<String> response = chat("openai");
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Ingate-Attempts")).contains("2");
        assertThat(waitedMillis).as("the provider asked for a second").isGreaterThanOrEqualTo(950);
    }

    @Test
    void afterTheRetriesTheFallbackTakesOver() {
        fx.openai.enqueue(Behaviour.error(500, "a")).enqueue(Behaviour.error(500, "b")).enqueue(Behaviour.error(500, "c"));
        HttpResponse<String> response = chat("openai");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("anthropic");
        assertThat(response.headers().firstValue("X-Ingate-Attempts")).contains("4");
    }
}
