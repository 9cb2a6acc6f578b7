package dev.ingate.estimate;

import dev.ingate.config.PriceOverride;
import dev.ingate.observe.pricing.PriceCatalog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Token counts below are sums of per-string counts computed once with jtokkit 1.1.0 (o200k_base unless said):
 * "system" 1, "user" 1, "assistant" 1, "alice" 1, "You are a helpful assistant." 6, "What is the capital of France?" 7,
 * "Bonjour" 1, "tokenization is fun 🙂 日本語" 7 (cl100k_base: 9), "Be brief." 3, "Describe this picture." 4,
 * "get_weather" 2, {"city":"Paris"} 5, "Sunny, 21°C" 5, and the tools JSON below 20.
 */
class EstimatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** $2 / $8 per million tokens for gpt-4o*, whatever the bundled data says. */
    private static final PriceCatalog FIXED = PriceCatalog.load().withOverrides(List.of(new PriceOverride("gpt-4o*",
            new BigDecimal("2"), new BigDecimal("8"), Optional.empty(), Optional.empty())));

    static final String OPENAI_CHAT = """
            {"model":"gpt-4o","max_tokens":100,"messages":[
              {"role":"system","content":"You are a helpful assistant."},
              {"role":"user","content":"What is the capital of France?"}]}""";

    static final String ANTHROPIC_MESSAGES = """
            {"model":"%s","system":"Be brief.","messages":[
              {"role":"user","content":[{"type":"text","text":"Describe this picture."},
                {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]},
              {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"get_weather","input":{"city":"Paris"}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"Sunny, 21°C"}]}]}""";

    private static Estimate estimate(PriceCatalog prices, String body, String provider, String type) {
        return new Estimator(prices).estimate(JSON.readTree(body), false, provider, type);
    }

    @Test
    void openAiChatCountsTheCookbooksMessageOverhead() {
        Estimate e = estimate(FIXED, OPENAI_CHAT, "openai", "openai");
        // (3 + 1 + 6) + (3 + 1 + 7) + 3 for the reply's priming
        assertThat(e.inputTokens()).isEqualTo(24);
        assertThat(e.tokenizer()).isEqualTo(Tokenizer.O200K_BASE);
        assertThat(e.maxOutputTokens()).isEqualTo(100);
        assertThat(e.model()).isEqualTo("gpt-4o");
        assertThat(e.provider()).isEqualTo("openai");
        // 24 × $2/M + 100 × $8/M
        assertThat(e.cost().inputUsd()).isEqualByComparingTo("0.000048");
        assertThat(e.cost().outputUsd()).isEqualByComparingTo("0.0008");
        assertThat(e.cost().totalUsd()).isEqualByComparingTo("0.000848");
        assertThat(e.pricedBy()).isEqualTo("config/gpt-4o*");
    }

    @Test
    void namesPartsAndToolsCount() {
        String body = """
                {"model":"gpt-4o","max_completion_tokens":5,
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}],
                 "messages":[{"role":"user","name":"alice","content":"Bonjour"},
                   {"role":"user","content":[{"type":"text","text":"Describe this picture."},
                     {"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}]}""";
        // (3 + 1 + 1 + 1 for the name + 1) + (3 + 1 + 4 + 85 for the image) + 3 + 20 for the tools
        assertThat(estimate(FIXED, body, "openai", "openai").inputTokens()).isEqualTo(7 + 93 + 3 + 20);
    }

    @Test
    void theEncodingFollowsTheModel() {
        String body = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"tokenization is fun 🙂 日本語\"}]}";
        assertThat(estimate(FIXED, body.formatted("gpt-4o"), "openai", "openai").inputTokens()).isEqualTo(3 + 1 + 7 + 3);
        Estimate gpt4 = estimate(FIXED, body.formatted("gpt-4"), "openai", "openai");
        assertThat(gpt4.tokenizer()).isEqualTo(Tokenizer.CL100K_BASE);
        assertThat(gpt4.inputTokens()).isEqualTo(3 + 1 + 9 + 3);
    }

    @Test
    void anthropicShapeWithAnOpenAiModel() {
        Estimate e = estimate(FIXED, ANTHROPIC_MESSAGES.formatted("gpt-4o"), "openai", "openai");
        // system (3 + 1 + 3) + (3 + 1 + 4 + 85) + (3 + 1 + 2 + 5) + (3 + 1 + 5) + 3
        assertThat(e.inputTokens()).isEqualTo(7 + 93 + 11 + 9 + 3);
    }

    @Test
    void anthropicShapeWithAClaudeModelIsAnEstimatePricedByTheCatalog() {
        Estimate e = estimate(PriceCatalog.load(), ANTHROPIC_MESSAGES.formatted("claude-sonnet-4-5"), "anthropic", "anthropic");
        assertThat(e.tokenizer()).isEqualTo(Tokenizer.ESTIMATE);
        // chars/4 rounded up, per string: system (3 + 2 + 3) + (3 + 1 + 6 + 85) + (3 + 3 + 3 + 4) + (3 + 1 + 3) + 3
        assertThat(e.inputTokens()).isEqualTo(8 + 95 + 13 + 7 + 3);
        // no max_tokens in the request: the model's maximum from the catalog
        assertThat(e.maxOutputTokens()).isEqualTo(64000);
        assertThat(e.cost()).isNotNull();
        assertThat(e.cost().outputUsd()).isPositive();
        assertThat(e.pricedBy()).startsWith("anthropic/claude");
    }

    @Test
    void maxOutputFromTheCatalogWhenTheRequestHasNone() {
        Estimate e = estimate(PriceCatalog.load(), "{\"model\":\"gpt-4o\",\"input\":\"Hello, world!\"}", "openai", "openai");
        assertThat(e.inputTokens()).isEqualTo(4);   // plain text: no message overhead
        assertThat(e.maxOutputTokens()).isEqualTo(16384);
        assertThat(e.pricedBy()).isEqualTo("openai/gpt-4o");
    }

    @Test
    void aModelNoOneKnowsIsEstimatedAndNotPriced() {
        Estimate e = estimate(PriceCatalog.load(), "{\"model\":\"my-own-finetune\",\"prompt\":\"Hello, world!\"}", "corp", "openai");
        assertThat(e.tokenizer()).isEqualTo(Tokenizer.ESTIMATE);
        assertThat(e.inputTokens()).isEqualTo(4);
        assertThat(e.maxOutputTokens()).isEqualTo(Estimator.DEFAULT_MAX_OUTPUT);
        assertThat(e.cost()).isNull();
        assertThat(e.pricedBy()).isNull();
    }

    @Test
    void aProviderOfAnotherNameIsPricedByItsType() {
        Estimate e = estimate(PriceCatalog.load(), OPENAI_CHAT, "corp-gateway", "openai");
        assertThat(e.pricedBy()).isEqualTo("openai/gpt-4o");
    }

    @Test
    void refusesWhatCannotBeEstimated() {
        assertThatThrownBy(() -> estimate(FIXED, "{\"messages\":[]}", "openai", "openai"))
                .isInstanceOf(InvalidEstimateRequest.class).hasMessageContaining("'model' is required");
        assertThatThrownBy(() -> estimate(FIXED, "{\"model\":\"gpt-4o\"}", "openai", "openai"))
                .isInstanceOf(InvalidEstimateRequest.class).hasMessageContaining("Nothing to estimate");
        assertThatThrownBy(() -> estimate(FIXED, "[1,2]", "openai", "openai"))
                .isInstanceOf(InvalidEstimateRequest.class).hasMessageContaining("JSON object");
    }

    @Test
    void theAnswerIsOpenAiStyleJson() {
        String json = new String(EstimateJson.render(estimate(FIXED, OPENAI_CHAT, "openai", "openai")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"object\":\"estimate\",\"model\":\"gpt-4o\",\"provider\":\"openai\",\"input_tokens\":24,"
                + "\"tokenizer\":\"o200k_base\",\"max_output_tokens\":100,"
                + "\"cost_usd\":{\"input\":0.000048,\"output_max\":0.0008,\"total_max\":0.000848},\"priced_by\":\"config/gpt-4o*\"}");
    }
}
