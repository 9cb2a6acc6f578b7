package dev.ingate.proxy;

import dev.ingate.testkit.Behaviour;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Model routing rules through a running Ingate: aliases, globs, strategies, and the header still winning. */
class RoutingTest extends ProxyTestBase {

    @Override
    protected ProxyFixture createFixture() {
        return new ProxyFixture("""
                routes:
                  - model: fast
                    targets:
                      - { provider: anthropic, model: claude-3-5-haiku-latest }
                      - { provider: openai, model: gpt-4o-mini }
                  - model: "claude-*"
                    targets: [ { provider: anthropic } ]
                  - model: auto
                    strategy: lowest_cost
                    targets:
                      - { provider: openai, model: gpt-4o }
                      - { provider: azure-gpt4, model: gpt-4o-mini }
                  - model: quick
                    strategy: lowest_latency
                    targets:
                      - { provider: openai, model: gpt-4o-mini }
                      - { provider: anthropic, model: claude-3-5-haiku-latest }
                """);
    }

    private HttpResponse<String> chat(String model, String... headers) {
        var request = postJson(fx.url(), "/v1/chat/completions",
                "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}")
                .header("Authorization", "Bearer " + IngateUnderTest.KEY);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static String servedBy(HttpResponse<String> response) {
        return response.headers().firstValue("X-Ingate-Served-By").orElse("none");
    }

    @Test
    void anAliasGoesToItsFirstTargetTranslatedAndFallsToTheNextWithItsModelSplicedIn() {
        HttpResponse<String> first = chat("fast");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(servedBy(first)).isEqualTo("anthropic");
        assertThat(json(first).at("/choices/0/message/content").asString()).isEqualTo(MockProvider.REPLY_TEXT);
        assertThat(fx.anthropic.lastRequest().json().path("model").asString()).isEqualTo("claude-3-5-haiku-latest");

        fx.anthropic.enqueue(Behaviour.error(529, "overloaded"));
        HttpResponse<String> second = chat("fast");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(servedBy(second)).isEqualTo("openai");
        assertThat(second.headers().firstValue("X-Ingate-Attempts")).contains("2");
        assertThat(fx.openai.lastRequest().bodyText()).contains("\"model\":\"gpt-4o-mini\"").doesNotContain("fast");
    }

    @Test
    void aGlobKeepsTheRequestedModel() {
        HttpResponse<String> response = chat("claude-3-7-sonnet-latest");
        assertThat(servedBy(response)).isEqualTo("anthropic");
        assertThat(fx.anthropic.lastRequest().json().path("model").asString()).isEqualTo("claude-3-7-sonnet-latest");
    }

    @Test
    void autoWithLowestCostPicksTheCheaperModel() {
        HttpResponse<String> response = chat("auto");
        assertThat(response.statusCode()).isEqualTo(404);   // the OpenAI mock has no Azure deployment path
        assertThat(servedBy(response)).isEqualTo("azure-gpt4");
        assertThat(fx.openai.lastRequest().json().path("model").asString()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void lowestLatencyMeasuresEveryTargetThenPrefersTheFaster() {
        fx.openai.enqueue(Behaviour.delay(Duration.ofMillis(300)));
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            served.add(servedBy(chat("quick")));
        }
        assertThat(served).containsExactly("openai", "anthropic", "anthropic", "anthropic");
    }

    @Test
    void theProviderHeaderWinsOverRules() {
        HttpResponse<String> response = chat("fast", "X-Ingate-Provider", "openai");
        assertThat(servedBy(response)).isEqualTo("openai");
        assertThat(fx.openai.lastRequest().json().path("model").asString()).isEqualTo("fast");
        assertThat(fx.anthropic.requests()).isEmpty();
    }

    @Test
    void modelsWithoutARuleFollowThePath() {
        HttpResponse<String> response = chat("gpt-4o");
        assertThat(servedBy(response)).isEqualTo("openai");
    }

    @Test
    void theModelListShowsTheAliasesFirst() {
        JsonNode list = json(send(request(fx.url(), "/v1/models").header("Authorization", "Bearer " + IngateUnderTest.KEY)));
        List<String> ids = new ArrayList<>();
        list.path("data").forEach(model -> ids.add(model.path("id").asString()));
        assertThat(ids).containsSubsequence("fast", "auto", "quick").doesNotContain("claude-*");
        JsonNode alias = json(send(request(fx.url(), "/v1/models/fast").header("Authorization", "Bearer " + IngateUnderTest.KEY)));
        assertThat(alias.path("owned_by").asString()).isEqualTo("ingate");
    }

    @Test
    void anEstimateOfAnAliasPricesTheModelItIsRoutedTo() {
        JsonNode estimate = json(send(postJson(fx.url(), "/v1/estimate",
                "{\"model\":\"fast\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}")
                .header("Authorization", "Bearer " + IngateUnderTest.KEY)));
        assertThat(estimate.path("provider").asString()).isEqualTo("anthropic");
        assertThat(estimate.path("model").asString()).isEqualTo("claude-3-5-haiku-latest");
        assertThat(estimate.at("/cost_usd/total_max").asDouble()).isPositive();
        assertThat(fx.anthropic.requests()).isEmpty();
    }
}
