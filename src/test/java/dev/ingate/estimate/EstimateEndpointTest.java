package dev.ingate.estimate;

import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.testkit.IngateUnderTest;
import dev.ingate.testkit.MockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.ingate.testkit.HttpCalls.json;
import static dev.ingate.testkit.HttpCalls.postJson;
import static dev.ingate.testkit.HttpCalls.request;
import static dev.ingate.testkit.HttpCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /v1/estimate through a running Ingate: the usual checks in the usual order, and no upstream call. */
class EstimateEndpointTest {

    private static final String SCOPED_KEY = "sk-ingate-scop0123456789abcdefghijklmnopqrstuv";
    private static final String CONFIG = """
              - { name: scoped, key: "%s", models: ["gpt-4o*"] }
            server: { max_request_body: 2KB }
            providers:
              openai: { base_url: "%s" }
              anthropic: { base_url: "%s" }
            pricing:
              "gpt-4o*": { input: 2, output: 8 }
            """;

    private static MockProvider openai;
    private static MockProvider anthropic;
    private static IngateUnderTest ingate;

    @BeforeAll
    static void start() {
        openai = MockProvider.openai();
        anthropic = MockProvider.anthropic();
        ingate = IngateUnderTest.start(IngateUnderTest.withKey(CONFIG.formatted(SCOPED_KEY, openai.baseUrl(), anthropic.baseUrl())));
    }

    @AfterAll
    static void stop() {
        ingate.close();
        openai.close();
        anthropic.close();
    }

    private static HttpRequest.Builder estimate(String body) {
        return postJson(ingate.baseUrl(), "/v1/estimate", body).header("Authorization", "Bearer " + IngateUnderTest.KEY);
    }

    @Test
    void pricedOpenAiModelIsEstimatedWithoutCallingTheProvider() {
        HttpResponse<String> response = send(estimate(EstimatorTest.OPENAI_CHAT).header("X-Ingate-Provider", "openai"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("X-Ingate-Request-Id")).isPresent();
        assertThat(response.headers().firstValue("X-Ingate-Served-By")).isEmpty();
        JsonNode answer = json(response);
        assertThat(answer.get("object").asString()).isEqualTo("estimate");
        assertThat(answer.get("model").asString()).isEqualTo("gpt-4o");
        assertThat(answer.get("provider").asString()).isEqualTo("openai");
        assertThat(answer.get("input_tokens").asInt()).isEqualTo(24);
        assertThat(answer.get("tokenizer").asString()).isEqualTo("o200k_base");
        assertThat(answer.get("max_output_tokens").asInt()).isEqualTo(100);
        assertThat(answer.get("cost_usd").get("input").decimalValue()).isEqualByComparingTo("0.000048");
        assertThat(answer.get("cost_usd").get("output_max").decimalValue()).isEqualByComparingTo("0.0008");
        assertThat(answer.get("cost_usd").get("total_max").decimalValue()).isEqualByComparingTo("0.000848");
        assertThat(answer.get("priced_by").asString()).isEqualTo("config/gpt-4o*");
        assertThat(openai.requests()).isEmpty();
        assertThat(anthropic.requests()).isEmpty();
    }

    @Test
    void anthropicShapedBodyForAnthropic() {
        String model = "claude-sonnet-4-5";
        HttpResponse<String> response = send(estimate(EstimatorTest.ANTHROPIC_MESSAGES.formatted(model))
                .header("X-Ingate-Provider", "anthropic"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("provider").asString()).isEqualTo("anthropic");
        assertThat(answer.get("tokenizer").asString()).isEqualTo("estimate");
        assertThat(answer.get("input_tokens").asInt()).isEqualTo(126);   // see EstimatorTest
        assertThat(answer.get("max_output_tokens").asInt())
                .isEqualTo(PriceCatalog.load().find("anthropic", model).orElseThrow().maxOutputTokensOr(4096));
        assertThat(answer.get("cost_usd").get("total_max").decimalValue()).isPositive();
        assertThat(answer.get("priced_by").asString()).startsWith("anthropic/");
        assertThat(anthropic.requests()).isEmpty();
    }

    @Test
    void unknownModelHasNoCost() {
        HttpResponse<String> response = send(estimate("{\"model\":\"my-own-finetune\",\"input\":\"Hello, world!\"}")
                .header("X-Ingate-Provider", "openai"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("input_tokens").asInt()).isEqualTo(4);
        assertThat(answer.get("tokenizer").asString()).isEqualTo("estimate");
        assertThat(answer.get("cost_usd").isNull()).isTrue();
        assertThat(answer.get("priced_by").isNull()).isTrue();
    }

    @Test
    void withoutAKeyIs401() {
        HttpResponse<String> response = send(postJson(ingate.baseUrl(), "/v1/estimate", EstimatorTest.OPENAI_CHAT));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").get("code").asString()).isEqualTo("missing_api_key");
    }

    @Test
    void withoutAProviderIs400() {
        HttpResponse<String> response = send(estimate(EstimatorTest.OPENAI_CHAT));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asString()).isEqualTo("no_provider");
    }

    @Test
    void withoutAModelIs400InTheOpenAiEnvelope() {
        HttpResponse<String> response = send(estimate("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .header("X-Ingate-Provider", "openai"));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.get("code").asString()).isEqualTo("invalid_estimate_request");
        assertThat(error.get("message").asString()).contains("'model' is required");
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> response = send(estimate("{\"model\":\"gpt-4o\",").header("X-Ingate-Provider", "openai"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asString()).isEqualTo("invalid_json");
    }

    @Test
    void wrongContentTypeIs415() {
        HttpResponse<String> response = send(request(ingate.baseUrl(), "/v1/estimate")
                .header("Authorization", "Bearer " + IngateUnderTest.KEY)
                .header("X-Ingate-Provider", "openai")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(EstimatorTest.OPENAI_CHAT)));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("error").get("code").asString()).isEqualTo("unsupported_media_type");
    }

    @Test
    void overTheBodyLimitIs413() {
        String big = "{\"model\":\"gpt-4o\",\"input\":\"" + "a".repeat(4096) + "\"}";
        HttpResponse<String> response = send(estimate(big).header("X-Ingate-Provider", "openai"));
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void theKeysModelScopeApplies() {
        HttpResponse<String> allowed = send(postJson(ingate.baseUrl(), "/v1/estimate", EstimatorTest.OPENAI_CHAT)
                .header("Authorization", "Bearer " + SCOPED_KEY).header("X-Ingate-Provider", "openai"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = send(postJson(ingate.baseUrl(), "/v1/estimate", "{\"model\":\"gpt-4\",\"input\":\"hi\"}")
                .header("Authorization", "Bearer " + SCOPED_KEY).header("X-Ingate-Provider", "openai"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("error").get("code").asString()).isEqualTo("model_not_allowed");
    }

    @Test
    void getIsRefused() {
        HttpResponse<String> response = send(request(ingate.baseUrl(), "/v1/estimate")
                .header("Authorization", "Bearer " + IngateUnderTest.KEY).header("X-Ingate-Provider", "openai"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asString()).isEqualTo("method_not_allowed");
        assertThat(openai.requests()).isEmpty();
    }
}
