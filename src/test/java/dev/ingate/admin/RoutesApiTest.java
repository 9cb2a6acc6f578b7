package dev.ingate.admin;

import dev.ingate.config.RouteRule;
import dev.ingate.config.RouteStrategy;
import dev.ingate.config.RouteTarget;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/routes} through real HTTP: what it stores is in the request path's snapshot before the answer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutesApiTest {

    private static final String TOKEN = "admin-token-for-route-tests";
    private MockProvider mock;
    private IngateUnderTest ingate;

    @BeforeAll
    void start() {
        mock = MockProvider.openai();
        ingate = IngateUnderTest.start(IngateUnderTest.withKey("""
                providers:
                  openai: { base_url: "%s", api_key: "sk-file-upstream" }
                  groq: { type: openai, base_url: "%s" }
                routes:
                  - model: fast
                    strategy: weighted
                    targets: [ { provider: openai, model: gpt-4o-mini, weight: 3 }, { provider: groq } ]
                retries: { max: 2, backoff: 100ms }
                circuit_breaker: { failures: 3, cooldown: 10s }
                """.formatted(mock.baseUrl(), mock.baseUrl())), Map.of("INGATE_ADMIN_TOKEN", TOKEN), null);
    }

    @AfterAll
    void stop() {
        ingate.close();
        mock.close();
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest.Builder call = request(ingate.baseUrl(), "/api/v1" + path).header("Authorization", "Bearer " + TOKEN);
        call.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            call.header("Content-Type", "application/json");
        }
        return send(call);
    }

    private static String error(HttpResponse<String> response) {
        return json(response).at("/error/message").asString();
    }

    private List<String> listedModels() {
        List<String> models = new ArrayList<>();
        json(admin("GET", "/routes", null)).get("data").forEach(r -> models.add(r.get("model").asString()));
        return models;
    }

    @Test
    void withoutTheTokenIts401() {
        assertThat(send(request(ingate.baseUrl(), "/api/v1/routes")).statusCode()).isEqualTo(401);
    }

    @Test
    void theFileRulesAreListedWithTheirOrigin() {
        HttpResponse<String> list = admin("GET", "/routes", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).has("next_cursor")).isTrue();
        JsonNode fast = json(admin("GET", "/routes/fast", null));
        assertThat(fast.get("strategy").asString()).isEqualTo("weighted");
        assertThat(fast.get("origin").asString()).isEqualTo("file");
        assertThat(fast.get("glob").asBoolean()).isFalse();
        assertThat(fast.at("/targets/0/model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(fast.at("/targets/0/weight").asInt()).isEqualTo(3);
        assertThat(fast.at("/targets/1/model").isNull()).isTrue();
        assertThat(fast.at("/targets/1/weight").asInt()).isEqualTo(1);
    }

    @Test
    void theSnapshotCarriesRetriesAndTheCircuitBreakerFromTheFile() {
        assertThat(ingate.state().dispatch().maxRetries()).isEqualTo(2);
        assertThat(ingate.state().dispatch().backoff()).hasMillis(100);
        assertThat(ingate.state().dispatch().breakerFailures()).isEqualTo(3);
        assertThat(ingate.state().dispatch().breakerCooldown()).hasSeconds(10);
    }

    @Test
    void aGlobRouteIsCreatedReadReplacedAndDeletedByItsEncodedPattern() {
        HttpResponse<String> created = admin("POST", "/routes",
                "{\"model\":\"claude-*\",\"strategy\":\"lowest_cost\",\"targets\":[{\"provider\":\"anthropic\",\"model\":null},{\"provider\":\"groq\",\"model\":\"llama-3.1-70b\",\"weight\":2}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("origin").asString()).isEqualTo("api");
        assertThat(json(created).get("glob").asBoolean()).isTrue();
        assertThat(ingate.state().routes().match("claude-3-5-haiku")).as("in the snapshot before the answer")
                .map(RouteRule::strategy).contains(RouteStrategy.LOWEST_COST);

        assertThat(admin("GET", "/routes/claude-%2A", null).statusCode()).isEqualTo(200);
        assertThat(admin("GET", "/routes/claude-*", null).statusCode()).as("unencoded works too").isEqualTo(200);

        HttpResponse<String> replaced = admin("PUT", "/routes/claude-%2A", "{\"targets\":[{\"provider\":\"openai\",\"model\":\"gpt-4o\"}]}");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(json(replaced).get("strategy").asString()).as("PUT replaces: the default strategy").isEqualTo("priority");
        assertThat(ingate.state().routes().match("claude-x").orElseThrow().targets())
                .containsExactly(new RouteTarget("openai", Optional.of("gpt-4o"), 1));

        assertThat(admin("DELETE", "/routes/claude-%2A", null).statusCode()).isEqualTo(200);
        assertThat(ingate.state().routes().match("claude-x")).isEmpty();
        assertThat(admin("GET", "/routes/claude-%2A", null).statusCode()).isEqualTo(404);
        assertThat(admin("DELETE", "/routes/claude-%2A", null).statusCode()).isEqualTo(404);
    }

    @Test
    void putCreatesAMissingRuleAndSlashesInModelNamesSurviveTheEncoding() {
        HttpResponse<String> put = admin("PUT", "/routes/openrouter%2Fmeta%2Fllama", "{\"targets\":[{\"provider\":\"groq\"}]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        assertThat(json(put).get("model").asString()).isEqualTo("openrouter/meta/llama");
        assertThat(ingate.state().routes().match("openrouter/meta/llama")).isPresent();
        assertThat(admin("DELETE", "/routes/openrouter%2Fmeta%2Fllama", null).statusCode()).isEqualTo(200);
    }

    @Test
    void apiRulesComeAfterTheFilesInCreationOrder() {
        admin("POST", "/routes", "{\"model\":\"order-b\",\"targets\":[{\"provider\":\"openai\"}]}");
        admin("POST", "/routes", "{\"model\":\"order-a\",\"targets\":[{\"provider\":\"openai\"}]}");
        List<String> models = listedModels();
        assertThat(models.indexOf("fast")).isLessThan(models.indexOf("order-b"));
        assertThat(models.indexOf("order-b")).isLessThan(models.indexOf("order-a"));
        admin("DELETE", "/routes/order-a", null);
        admin("DELETE", "/routes/order-b", null);
    }

    @Test
    void aDuplicateIs409() {
        String body = "{\"model\":\"twice\",\"targets\":[{\"provider\":\"openai\"}]}";
        assertThat(admin("POST", "/routes", body).statusCode()).isEqualTo(201);
        HttpResponse<String> again = admin("POST", "/routes", body);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(error(again)).contains("already exists");
        assertThat(admin("POST", "/routes", "{\"model\":\"fast\",\"targets\":[{\"provider\":\"openai\"}]}").statusCode())
                .as("a file rule too").isEqualTo(409);
    }

    @Test
    void badBodiesAre400NamingTheField() {
        assertThat(error(admin("POST", "/routes", "{\"model\":\"m\",\"strategy\":\"fastest\",\"targets\":[{\"provider\":\"openai\"}]}")))
                .startsWith("strategy: unknown strategy \"fastest\"");
        assertThat(error(admin("POST", "/routes", "{\"model\":\"m\",\"targets\":[]}"))).startsWith("targets: ");
        assertThat(error(admin("POST", "/routes", "{\"model\":\"m\"}"))).contains("targets");
        assertThat(error(admin("POST", "/routes", "{\"targets\":[{\"provider\":\"openai\"}]}"))).contains("model");
        assertThat(error(admin("POST", "/routes", "{\"model\":7,\"targets\":[{\"provider\":\"openai\"}]}"))).startsWith("model: ");
        HttpResponse<String> ghost = admin("POST", "/routes", "{\"model\":\"m\",\"targets\":[{\"provider\":\"openai\"},{\"provider\":\"ghost\"}]}");
        assertThat(ghost.statusCode()).isEqualTo(400);
        assertThat(error(ghost)).startsWith("targets[1].provider: unknown provider \"ghost\"");
        assertThat(error(admin("POST", "/routes", "{\"model\":\"m\",\"targets\":[{\"provider\":\"openai\",\"weight\":0}]}")))
                .isEqualTo("targets[0].weight: must be at least 1, got 0");
        assertThat(error(admin("POST", "/routes", "{\"model\":\"m\",\"targets\":[{\"provider\":\"openai\",\"wieght\":2}]}")))
                .startsWith("targets[0].wieght: unknown key");
        assertThat(error(admin("POST", "/routes", "{\"model\":\"m\",\"colour\":\"red\",\"targets\":[{\"provider\":\"openai\"}]}")))
                .startsWith("colour: unknown key");
        assertThat(error(admin("PUT", "/routes/fast", "{\"model\":\"slow\",\"targets\":[{\"provider\":\"openai\"}]}"))).startsWith("model: ");
        assertThat(admin("POST", "/routes", "[1]").statusCode()).isEqualTo(400);
        assertThat(admin("PATCH", "/routes/fast", "{}").statusCode()).isEqualTo(404);
        assertThat(listedModels()).doesNotContain("m");
    }

    @Test
    void aProviderThatARouteTargetsCannotBeDeletedFromUnderIt() {
        admin("POST", "/providers", "{\"name\":\"doomed\",\"base_url\":\"" + mock.baseUrl() + "\"}");
        admin("POST", "/routes", "{\"model\":\"uses-doomed\",\"targets\":[{\"provider\":\"doomed\"}]}");
        HttpResponse<String> delete = admin("DELETE", "/providers/doomed", null);
        assertThat(delete.statusCode()).isEqualTo(400);
        assertThat(error(delete)).contains("uses-doomed");
        admin("DELETE", "/routes/uses-doomed", null);
        assertThat(admin("DELETE", "/providers/doomed", null).statusCode()).isEqualTo(200);
    }
}
