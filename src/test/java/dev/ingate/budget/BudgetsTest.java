package dev.ingate.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.HttpCalls;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Budgets through real Ingates: 402, concurrency against reservations, restarts, and two instances on one Redis. */
class BudgetsTest {

    private static final String KEY = "sk-ingate-budget-0123456789abcdefghijklmnopqr";
    private static final Map<String, String> LOCAL = Map.of("INGATE_ADMIN_TOKEN", Spend.ADMIN_TOKEN);

    private static String config(MockProvider upstream, String budget, String period) {
        return """
                providers:
                  openai: { base_url: "%s", api_key: "sk-upstream" }
                keys:
                  - { name: spender, key: "%s", budget_usd: %s, budget_period: %s }
                """.formatted(upstream.baseUrl(), KEY, budget, period);
    }

    @Test
    void anExhaustedBudgetAnswers402InTheCallersEnvelope() {
        try (MockProvider upstream = MockProvider.openai();
             IngateUnderTest ingate = IngateUnderTest.start(config(upstream, "0.0002", "day"), LOCAL, null)) {
            assertThat(Spend.chat(ingate, KEY).statusCode()).isEqualTo(200);   // 0 spent
            assertThat(Spend.chat(ingate, KEY).statusCode()).isEqualTo(200);   // ~0.00015 spent: still under
            HttpResponse<String> refused = Spend.chat(ingate, KEY);
            assertThat(refused.statusCode()).isEqualTo(402);
            JsonNode error = HttpCalls.json(refused).get("error");
            assertThat(error.get("code").asString()).isEqualTo("budget_exceeded");
            assertThat(error.get("type").asString()).isEqualTo("insufficient_quota");
            assertThat(error.get("message").asString()).contains("gateway key 'spender'", "0.0002 USD", "today (UTC)");
            assertThat(upstream.requests()).hasSize(2);

            OpenAIClient sdk = OpenAIOkHttpClient.builder().baseUrl(ingate.baseUrl() + "/v1").apiKey(KEY).maxRetries(0).build();
            assertThatThrownBy(() -> sdk.chat().completions().create(
                    ChatCompletionCreateParams.builder().model("gpt-5-nano").addUserMessage("hi").build()))
                    .isInstanceOfSatisfying(OpenAIServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(402));

            HttpResponse<String> anthropicShape = HttpCalls.send(HttpCalls.postJson(ingate.baseUrl(), "/v1/messages",
                    "{\"model\":\"gpt-5-nano\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .header("x-api-key", KEY).header("X-Ingate-Provider", "openai"));
            assertThat(anthropicShape.statusCode()).isEqualTo(402);
            assertThat(HttpCalls.json(anthropicShape).get("error").get("type").asString()).isEqualTo("billing_error");
        }
    }

    @Test
    void fiftyConcurrentRequestsOvershootByAtMostOneEstimate() throws Exception {
        try (MockProvider upstream = MockProvider.openai().always(Behaviour.delay(Duration.ofMillis(300)));
             IngateUnderTest ingate = IngateUnderTest.start(config(upstream, "0.001", "month"), LOCAL, null)) {
            List<HttpResponse<String>> responses = Spend.concurrently(50, i -> Spend.chat(ingate, KEY));
            assertOvershootAtMostOneEstimate(responses, ingate, new BigDecimal("0.001"));
        }
    }

    @Test
    void twoInstancesOnOneRedisShareTheBudget() throws Exception {
        Map<String, String> env = Map.of("INGATE_ADMIN_TOKEN", Spend.ADMIN_TOKEN, "INGATE_REDIS_URL", "redis://127.0.0.1:6379",
                "INGATE_REDIS_PREFIX", "ingate-test-" + UUID.randomUUID() + ":");
        try (MockProvider upstream = MockProvider.openai().always(Behaviour.delay(Duration.ofMillis(300)));
             IngateUnderTest a = IngateUnderTest.start(config(upstream, "0.001", "month"), env, null);
             IngateUnderTest b = IngateUnderTest.start(config(upstream, "0.001", "month"), env, null)) {
            List<HttpResponse<String>> responses = Spend.concurrently(50, i -> Spend.chat(i % 2 == 0 ? a : b, KEY));
            // each instance records its own requests (separate databases); Redis held the one budget. Alone, each
            // would have let about as many through as both did together here.
            BigDecimal spent = Spend.recorded(a, "spender", 25).add(Spend.recorded(b, "spender", 25));
            assertOvershootAtMostOneEstimate(responses, spent, Spend.estimate(a, KEY), new BigDecimal("0.001"));
        }
    }

    private static void assertOvershootAtMostOneEstimate(List<HttpResponse<String>> responses, IngateUnderTest ingate, BigDecimal budget) {
        long ok = responses.stream().filter(r -> r.statusCode() == 200).count();
        // refused requests are recorded too (at no cost): wait for every one
        assertOvershootAtMostOneEstimate(responses, Spend.recorded(ingate, "spender", responses.size()), Spend.estimate(ingate, KEY), budget);
    }

    private static void assertOvershootAtMostOneEstimate(List<HttpResponse<String>> responses, BigDecimal spent, BigDecimal estimate,
                                                         BigDecimal budget) {
        long ok = responses.stream().filter(r -> r.statusCode() == 200).count();
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 402));
        assertThat(ok).isPositive();
        BigDecimal perRequest = spent.divide(BigDecimal.valueOf(ok), java.math.MathContext.DECIMAL64);
        assertThat(perRequest).as("the estimate must cover an answer's cost for the bound to hold").isLessThanOrEqualTo(estimate);
        assertThat(spent).as("%d requests through, spending %s of %s (estimate %s)", ok, spent, budget, estimate)
                .isGreaterThanOrEqualTo(budget.subtract(estimate))
                .isLessThanOrEqualTo(budget.add(estimate));
    }

    @Test
    void spendSurvivesARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("ingate-budget-restart");
        try (MockProvider upstream = MockProvider.openai()) {
            String config = config(upstream, "0.0004", "total");
            try (IngateUnderTest first = IngateUnderTest.start(config, LOCAL, dataDir)) {
                assertThat(Spend.chat(first, KEY).statusCode()).isEqualTo(200);
                assertThat(Spend.chat(first, KEY).statusCode()).isEqualTo(200);
                assertThat(Spend.recorded(first, "spender", 2)).isPositive();
            }
            try (IngateUnderTest second = IngateUnderTest.start(config, LOCAL, dataDir)) {
                // ~0.0003 spent before: one more fits under 0.0004, then the budget is used up
                assertThat(Spend.chat(second, KEY).statusCode()).isEqualTo(200);
                assertThat(Spend.chat(second, KEY).statusCode()).isEqualTo(402);
            }
        }
    }
}
