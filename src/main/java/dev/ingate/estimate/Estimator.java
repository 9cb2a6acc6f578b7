package dev.ingate.estimate;

import dev.ingate.observe.pricing.CostCalculator;
import dev.ingate.observe.pricing.ModelPrice;
import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.observe.pricing.Usage;
import tools.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Tokens and the cost preview of a request body, with no upstream call. Pure and thread-safe; CPU work
 * (and, the first time, loading an encoding), so it runs on a worker thread.
 */
public final class Estimator {

    /** SPEC 3's fallback when neither the request nor the catalog gives a maximum output. */
    static final int DEFAULT_MAX_OUTPUT = 4096;
    private static final String[] MAX_OUTPUT_FIELDS = {"max_completion_tokens", "max_tokens", "max_output_tokens"};

    private final PriceCatalog prices;

    public Estimator(PriceCatalog prices) {
        this.prices = prices;
    }

    /**
     * @param providerName the resolved provider's name, as configured
     * @param providerType its API shape ({@code openai}, {@code anthropic}…), which prices it when the name does not
     */
    public Estimate estimate(JsonNode body, boolean anthropicVersionHeader, String providerName, String providerType) {
        Prompt prompt = prompt(body, anthropicVersionHeader, providerName, providerType, false);
        int maxOutput = prompt.output(Integer.MAX_VALUE);
        return new Estimate(prompt.model(), providerName, prompt.inputTokens(), prompt.tokenizer(), maxOutput,
                prompt.price().map(p -> CostCalculator.cost(p, Usage.of(prompt.inputTokens(), maxOutput))).orElse(null),
                prompt.price().map(p -> p.providerId() + "/" + p.modelId()).orElse(null));
    }

    /**
     * What an estimate starts from: the model, its prompt's tokens, its price and the output the request asks for.
     *
     * @param requestedOutput {@code max_tokens} and its kin, 0 when the request sets none
     */
    record Prompt(String model, int inputTokens, Tokenizer tokenizer, Optional<ModelPrice> price, int requestedOutput) {

        /** The output the request allows: what it asks for, else the model's maximum, at most {@code cap}. */
        int output(int cap) {
            return requestedOutput > 0 ? requestedOutput
                    : Math.min(price.map(p -> p.maxOutputTokensOr(DEFAULT_MAX_OUTPUT)).orElse(DEFAULT_MAX_OUTPUT), cap);
        }
    }

    /**
     * @param upperBound count the prompt of an OpenAI model as {@link TokenCounter#UTF8_BYTES} (never fewer than
     *                   its tokens) instead of encoding it: for an admission check, which needs the exact count only
     *                   when the bound does not fit
     */
    Prompt prompt(JsonNode body, boolean anthropicVersionHeader, String providerName, String providerType, boolean upperBound) {
        if (!body.isObject()) {
            throw new InvalidEstimateRequest("The body must be a JSON object: a chat request, or {\"model\":…,\"input\":\"text\"}");
        }
        JsonNode modelNode = body.get("model");
        if (modelNode == null || !modelNode.isString() || modelNode.asString().isBlank()) {
            throw new InvalidEstimateRequest("'model' is required: the estimate needs it to pick the tokenizer and the price");
        }
        String model = modelNode.asString();
        RequestShape shape = RequestShape.detect(body, anthropicVersionHeader);
        if (shape == null) {
            throw new InvalidEstimateRequest("Nothing to estimate: send 'messages' (OpenAI or Anthropic shape), 'input' or 'prompt'");
        }
        Tokenizer tokenizer = Tokenizer.forModel(model);
        int inputTokens = new PromptTokens(upperBound && tokenizer != Tokenizer.ESTIMATE ? TokenCounter.UTF8_BYTES : tokenizer)
                .count(body, shape);
        return new Prompt(model, inputTokens, tokenizer, price(providerName, providerType, model), requestedMaxOutput(body));
    }

    /**
     * The price at the resolved provider (by name, then type); failing that, wherever the catalog knows the
     * model (a self-hosted OpenAI-compatible server serving a public model): an estimate rather than nothing,
     * and {@code priced_by} says whose price it is.
     */
    Optional<ModelPrice> price(String providerName, String providerType, String model) {
        Optional<ModelPrice> atProvider = providerName == null ? Optional.empty() : prices.find(providerName, providerType, model);
        return atProvider.isPresent() ? atProvider : prices.findAnyProvider(model);
    }

    /** OpenAI's {@code max_completion_tokens} (which replaced {@code max_tokens}), Anthropic's {@code max_tokens}, Responses' {@code max_output_tokens}. */
    static int requestedMaxOutput(JsonNode body) {
        for (String field : MAX_OUTPUT_FIELDS) {
            JsonNode value = body.get(field);
            if (value != null && value.canConvertToInt() && value.isIntegralNumber() && value.asInt() > 0) {
                return value.asInt();
            }
        }
        return 0;
    }
}
