package dev.ingate.webhook;

import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import dev.ingate.testkit.Poll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Events published on the request path (the circuit breaker's) reach a webhook from the config file, signed. */
class ProviderEventsReachWebhooksTest {

    @Test
    void aFailingProviderIsAnnounced() throws Exception {
        try (MockProvider openai = MockProvider.openai(); WebhookReceiver receiver = new WebhookReceiver()) {
            openai.always(Behaviour.error(500, "upstream down"));
            try (IngateUnderTest ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                    providers:
                      openai: { base_url: "%s", api_key: "sk-upstream" }
                    circuit_breaker: { failures: 2, cooldown: 60s }
                    webhooks:
                      - { url: "%s", events: [provider.failing, provider.recovered], secret: "breaker-secret" }
                    """.formatted(openai.baseUrl(), receiver.url("/breaker"))))) {
                for (int i = 0; i < 3; i++) {
                    int status = send(postJson(ingate.baseUrl(), "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}")
                            .header("Authorization", "Bearer " + IngateUnderTest.KEY)).statusCode();
                    assertThat(status).isGreaterThanOrEqualTo(500);
                }
                List<WebhookReceiver.Call> calls = Poll.until("provider.failing delivered", Duration.ofSeconds(15), receiver::calls, c -> !c.isEmpty());
                WebhookReceiver.Call call = calls.getFirst();
                assertThat(call.header("X-Ingate-Event")).isEqualTo("provider.failing");
                assertThat(Hmac.verifies("breaker-secret", call.body(), call.header("X-Ingate-Signature"))).isTrue();
                JsonNode payload = json(call.bodyText());
                assertThat(payload.get("type").asString()).isEqualTo("provider.failing");
                assertThat(payload.at("/data/provider").asString()).isEqualTo("openai");
            }
        }
    }
}
