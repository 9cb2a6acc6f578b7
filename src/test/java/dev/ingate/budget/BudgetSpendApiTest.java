package dev.ingate.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.testkit.HttpCalls;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import dev.ingate.testkit.Poll;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A key's and the global budget's spend this period through the admin API, from the ledger the 402 check uses. */
class BudgetSpendApiTest {

    private static final String KEY = "sk-ingate-spendview-0123456789abcdefghijklmno";
    private static final String FREE_KEY = "sk-ingate-nobudget-0123456789abcdefghijklmnop";
    private static final Map<String, String> LOCAL = Map.of("INGATE_ADMIN_TOKEN", Spend.ADMIN_TOKEN);
    /** Ledger and rollups round a request's cost to nano-dollars each their own way: at most 1 nano apart per request. */
    private static final BigDecimal NANO = new BigDecimal("0.000000001");

    private static String config(MockProvider upstream, String keyPeriod, String globalBudget) {
        return """
                providers:
                  openai: { base_url: "%s", api_key: "sk-upstream" }
                keys:
                  - { name: spender, key: "%s", budget_usd: 5, budget_period: %s }
                  - { name: free, key: "%s" }
                %s
                """.formatted(upstream.baseUrl(), KEY, keyPeriod, FREE_KEY, globalBudget);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpCalls.json(response);
    }

    private static JsonNode key(IngateUnderTest ingate, String name) {
        for (JsonNode key : ok(Spend.admin(ingate, "/keys")).get("data")) {
            if (key.get("name").asString().equals(name)) {
                return key;
            }
        }
        throw new AssertionError("no key " + name);
    }

    /** The key's spend once the ledger has settled what the rollups recorded (it settles as each exchange ends). */
    private static JsonNode settled(IngateUnderTest ingate, String id, BigDecimal recorded, int requests) {
        return Poll.until("the ledger settled " + recorded, Duration.ofSeconds(10), () -> ok(Spend.admin(ingate, "/keys/" + id)),
                key -> key.get("spend_usd").decimalValue().subtract(recorded).abs().compareTo(NANO.multiply(BigDecimal.valueOf(requests))) <= 0);
    }

    @Test
    void keysShowTheirPeriodsSpendAndWhatIsLeftAndTheGlobalBudgetItsOwn() {
        try (MockProvider upstream = MockProvider.openai();
             IngateUnderTest ingate = IngateUnderTest.start(config(upstream, "month", "budget: { usd: 100, period: day }"), LOCAL, null)) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            JsonNode fresh = key(ingate, "spender");
            assertThat(fresh.get("budget_usd").decimalValue()).isEqualByComparingTo("5");
            assertThat(fresh.get("spend_usd").decimalValue()).isZero();
            assertThat(fresh.get("budget_remaining_usd").decimalValue()).isEqualByComparingTo("5");
            assertThat(fresh.get("budget_period_start").asString()).isEqualTo(today.withDayOfMonth(1) + "T00:00:00Z");
            assertThat(fresh.get("budget_resets_at").asString()).isEqualTo(today.withDayOfMonth(1).plusMonths(1) + "T00:00:00Z");
            JsonNode free = key(ingate, "free");
            for (String field : new String[]{"spend_usd", "budget_remaining_usd", "budget_period_start", "budget_resets_at"}) {
                assertThat(free.get(field).isNull()).as(field + " of a key without a budget").isTrue();
            }

            assertThat(Spend.chat(ingate, KEY).statusCode()).isEqualTo(200);
            assertThat(Spend.chat(ingate, KEY).statusCode()).isEqualTo(200);
            BigDecimal recorded = Spend.recorded(ingate, "spender", 2);
            assertThat(recorded).isPositive();
            JsonNode spent = settled(ingate, fresh.get("id").asString(), recorded, 2);
            assertThat(spent.get("budget_remaining_usd").decimalValue()).isEqualByComparingTo(new BigDecimal("5").subtract(spent.get("spend_usd").decimalValue()));
            assertThat(Spend.admin(ingate, "/keys/" + fresh.get("id").asString()).body()).as("plain decimals")
                    .containsPattern("\"spend_usd\":0\\.[0-9]+,").containsPattern("\"budget_remaining_usd\":4\\.[0-9]+,");

            JsonNode global = ok(Spend.admin(ingate, "/budget"));
            assertThat(global.get("usd").decimalValue()).isEqualByComparingTo("100");
            assertThat(global.get("period").asString()).isEqualTo("day");
            assertThat(global.get("spend_usd").decimalValue()).as("every key spends from the global budget")
                    .isEqualByComparingTo(spent.get("spend_usd").decimalValue());
            assertThat(global.get("remaining_usd").decimalValue()).isEqualByComparingTo(new BigDecimal("100").subtract(global.get("spend_usd").decimalValue()));
            assertThat(global.get("period_start").asString()).isEqualTo(today + "T00:00:00Z");
            assertThat(global.get("resets_at").asString()).isEqualTo(today.plusDays(1) + "T00:00:00Z");
        }
    }

    @Test
    void withoutAGlobalBudgetTheBudgetIsA404AndReadOnly() {
        try (MockProvider upstream = MockProvider.openai();
             IngateUnderTest ingate = IngateUnderTest.start(config(upstream, "total", ""), LOCAL, null)) {
            HttpResponse<String> none = Spend.admin(ingate, "/budget");
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(HttpCalls.json(none).at("/error/code").asString()).isEqualTo("not_found");
            assertThat(HttpCalls.json(none).at("/error/message").asString()).contains("budget.usd");
            HttpResponse<String> put = HttpCalls.send(HttpCalls.request(ingate.baseUrl(), "/api/v1/budget")
                    .header("Authorization", "Bearer " + Spend.ADMIN_TOKEN).PUT(HttpRequest.BodyPublishers.ofString("{\"usd\":1}")));
            assertThat(put.statusCode()).isEqualTo(404);

            JsonNode total = key(ingate, "spender");
            assertThat(total.get("budget_period").asString()).isEqualTo("total");
            assertThat(total.get("budget_period_start").isNull()).as("total has no start").isTrue();
            assertThat(total.get("budget_resets_at").isNull()).as("and never resets").isTrue();
            assertThat(total.get("spend_usd").decimalValue()).isZero();
        }
    }

    @Test
    void afterARestartTheSpendIsReadFromTheRollupsBeforeAnyRequest() throws Exception {
        Path dataDir = Files.createTempDirectory("ingate-spend-restart");
        try (MockProvider upstream = MockProvider.openai()) {
            String config = config(upstream, "month", "budget: { usd: 100 }");
            BigDecimal recorded;
            try (IngateUnderTest first = IngateUnderTest.start(config, LOCAL, dataDir)) {
                assertThat(Spend.chat(first, KEY).statusCode()).isEqualTo(200);
                recorded = Spend.recorded(first, "spender", 1);
            }
            try (IngateUnderTest second = IngateUnderTest.start(config, LOCAL, dataDir)) {
                JsonNode key = key(second, "spender");
                assertThat(key.get("spend_usd").decimalValue()).isEqualByComparingTo(recorded);
                assertThat(ok(Spend.admin(second, "/budget")).get("spend_usd").decimalValue()).isEqualByComparingTo(recorded);
                // reading opened nothing: the first request still seeds its account and is checked against it
                assertThat(Spend.chat(second, KEY).statusCode()).isEqualTo(200);
                settled(second, key.get("id").asString(), Spend.recorded(second, "spender", 2), 2);
            }
        }
    }

    @Test
    void withRedisEveryInstanceShowsTheSharedSpend() {
        Map<String, String> env = Map.of("INGATE_ADMIN_TOKEN", Spend.ADMIN_TOKEN, "INGATE_REDIS_URL", "redis://127.0.0.1:6379",
                "INGATE_REDIS_PREFIX", "ingate-test-" + UUID.randomUUID() + ":");
        try (MockProvider upstream = MockProvider.openai();
             IngateUnderTest a = IngateUnderTest.start(config(upstream, "day", "budget: { usd: 100 }"), env, null);
             IngateUnderTest b = IngateUnderTest.start(config(upstream, "day", "budget: { usd: 100 }"), env, null)) {
            assertThat(key(b, "spender").get("spend_usd").decimalValue()).as("not in Redis yet: from b's own rollups").isZero();
            assertThat(Spend.chat(a, KEY).statusCode()).isEqualTo(200);
            assertThat(Spend.chat(a, KEY).statusCode()).isEqualTo(200);
            BigDecimal recorded = Spend.recorded(a, "spender", 2);
            // b recorded nothing (its own database): what it shows is a's spend, from Redis
            JsonNode onB = settled(b, key(b, "spender").get("id").asString(), recorded, 2);
            assertThat(onB.get("budget_period_start").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC) + "T00:00:00Z");
            assertThat(ok(Spend.admin(b, "/budget")).get("spend_usd").decimalValue()).isEqualByComparingTo(onB.get("spend_usd").decimalValue());
        }
    }
}
