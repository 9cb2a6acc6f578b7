package dev.ingate.estimate;

import dev.ingate.observe.pricing.Cost;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The answer of {@code POST /v1/estimate}, OpenAI-style: an {@code object} field naming what it is. */
final class EstimateJson {

    // Costs are exact decimals with many places: plain notation, never 1.5E-7, which some clients misread.
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private EstimateJson() {
    }

    static byte[] render(Estimate e) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "estimate");
        root.put("model", e.model());
        root.put("provider", e.provider());
        root.put("input_tokens", e.inputTokens());
        root.put("tokenizer", e.tokenizer().wireName());
        root.put("max_output_tokens", e.maxOutputTokens());
        Cost cost = e.cost();
        if (cost == null) {
            root.putNull("cost_usd");
        } else {
            ObjectNode usd = root.putObject("cost_usd");
            usd.put("input", cost.inputUsd().stripTrailingZeros());
            usd.put("output_max", cost.outputUsd().stripTrailingZeros());
            usd.put("total_max", cost.totalUsd().stripTrailingZeros());
        }
        root.put("priced_by", e.pricedBy());
        return JSON.writeValueAsBytes(root);
    }
}
