package dev.ingate.webhook;

import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import dev.ingate.testkit.Poll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The governance pieces together through one running Ingate: a key's budget crossing its thresholds and running
 * out, and a guardrail block, each reach a webhook from the config file, signed, from the request path.
 */
class GovernanceEventsReachWebhooksTest {

    private static final String KEY = "sk-ingate-govevents0123456789abcdefghijkl";

    private static int chat(IngateUnderTest ingate, String text) {
        return send(postJson(ingate.baseUrl(), "/v1/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}")
                .header("Authorization", "Bearer " + KEY)).statusCode();
    }

    @Test
    void budgetThresholdsExhaustionAndGuardrailBlocksAreDelivered() throws Exception {
        try (MockProvider openai = MockProvider.openai(); WebhookReceiver receiver = new WebhookReceiver()) {
            try (IngateUnderTest ingate = IngateUnderTest.start("""
                    providers:
                      openai: { base_url: "%s", api_key: "sk-upstream" }
                    keys:
                      - { name: team-a, key: "%s", budget_usd: 0.0005, budget_period: day }
                    guardrails:
                      - { name: deny-words, on: input, type: regex, pattern: "(?i)forbidden", action: block }
                    webhooks:
                      - { url: "%s", events: [budget.threshold, budget.exhausted, guardrail.blocked], secret: "gov-secret" }
                    """.formatted(openai.baseUrl(), KEY, receiver.url("/gov")))) {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 6 && !statuses.contains(402); i++) {
                    statuses.add(chat(ingate, "hello"));
                }
                assertThat(statuses).contains(200).endsWith(402);
                assertThat(chat(ingate, "something forbidden")).isIn(402, 403);
                List<WebhookReceiver.Call> calls = Poll.until("budget events delivered", Duration.ofSeconds(15), receiver::calls,
                        c -> c.stream().anyMatch(call -> "budget.exhausted".equals(call.header("X-Ingate-Event"))));
                List<String> types = new ArrayList<>();
                for (WebhookReceiver.Call call : calls) {
                    assertThat(Hmac.verifies("gov-secret", call.body(), call.header("X-Ingate-Signature"))).isTrue();
                    JsonNode payload = json(call.bodyText());
                    types.add(payload.get("type").asString());
                }
                assertThat(types).contains("budget.threshold", "budget.exhausted");
                assertThat(types.stream().filter("budget.exhausted"::equals)).as("once per period").hasSize(1);
            }
        }
    }

    @Test
    void aGuardrailBlockIsDelivered() throws Exception {
        try (MockProvider openai = MockProvider.openai(); WebhookReceiver receiver = new WebhookReceiver()) {
            try (IngateUnderTest ingate = IngateUnderTest.start("""
                    providers:
                      openai: { base_url: "%s", api_key: "sk-upstream" }
                    keys:
                      - { name: team-a, key: "%s" }
                    guardrails:
                      - { name: deny-words, on: input, type: regex, pattern: "(?i)forbidden", action: block }
                    webhooks:
                      - { url: "%s", events: ["*"], secret: "gov-secret" }
                    """.formatted(openai.baseUrl(), KEY, receiver.url("/gov")))) {
                assertThat(chat(ingate, "something forbidden")).isEqualTo(403);
                List<WebhookReceiver.Call> calls = Poll.until("guardrail.blocked delivered", Duration.ofSeconds(15), receiver::calls,
                        c -> c.stream().anyMatch(call -> "guardrail.blocked".equals(call.header("X-Ingate-Event"))));
                // every event: the config file's key was announced at start too
                assertThat(calls).extracting(call -> call.header("X-Ingate-Event")).containsExactly("key.created", "guardrail.blocked");
                WebhookReceiver.Call call = calls.get(1);
                assertThat(Hmac.verifies("gov-secret", call.body(), call.header("X-Ingate-Signature"))).isTrue();
                assertThat(json(call.bodyText()).at("/data/rule").asString()).isEqualTo("deny-words");
                assertThat(openai.requests()).isEmpty();
            }
        }
    }
}
