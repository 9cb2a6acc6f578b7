package dev.ingate.proxy;

import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** A provider that failed three times in a row is skipped for the cooldown, unless it is the last one left. */
class CircuitBreakerTest extends ProxyTestBase {

    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

    @Override
    protected ProxyFixture createFixture() {
        return new ProxyFixture("""
                circuit_breaker: { failures: 3, cooldown: 60s }
                fallbacks:
                  flaky:
                    - provider: steady
                """, """
                  flaky: { type: openai, base_url: "{openai_mock}" }
                  steady: { type: openai, base_url: "{openai_mock}" }
                  solo: { type: openai, base_url: "{openai_mock}" }
                """, "");
    }

    private HttpResponse<String> chat(String provider) {
        return send(postJson(fx.url(), "/v1/chat/completions", CHAT)
                .header("Authorization", "Bearer " + IngateUnderTest.KEY).header("X-Ingate-Provider", provider));
    }

    @Test
    void anOpenCircuitSkipsTheProviderWhileAFallbackRemains() {
        for (int i = 0; i < 3; i++) {
            fx.openai.enqueue(Behaviour.error(503, "flaky is down"));
            HttpResponse<String> response = chat("flaky");
            assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("steady");
            assertThat(response.headers().firstValue("X-Ingate-Attempts")).contains("2");
        }
        fx.openai.clearRequests();
        HttpResponse<String> skipped = chat("flaky");
        assertThat(skipped.statusCode()).isEqualTo(200);
        assertThat(skipped.headers().firstValue("X-Ingate-Served-By")).contains("steady");
        assertThat(skipped.headers().firstValue("X-Ingate-Attempts")).as("flaky not called at all").contains("1");
        assertThat(fx.openai.requests()).hasSize(1);
    }

    @Test
    void theLastTargetIsTriedEvenWithItsCircuitOpen() {
        for (int i = 0; i < 3; i++) {
            fx.openai.enqueue(Behaviour.error(503, "solo is down"));
            assertThat(chat("solo").statusCode()).isEqualTo(503);
        }
        HttpResponse<String> response = chat("solo");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).contains("solo");
    }
}
