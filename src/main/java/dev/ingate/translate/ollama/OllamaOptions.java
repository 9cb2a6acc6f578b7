package dev.ingate.translate.ollama;

import dev.ingate.translate.Json;
import dev.ingate.translate.canonical.Sampling;
import dev.ingate.translate.canonical.Shape;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ollama's {@code options} object ↔ canonical sampling. The options the canonical model has no field for
 * ({@code top_k}, {@code seed}, {@code num_ctx}…) are kept as extras named {@code options.<name>}, so an Ollama
 * upstream gets them back in place and any other reports them by a name that says where they were.
 */
final class OllamaOptions {

    static final String PREFIX = "options.";

    private static final Set<String> MODELLED = Set.of("temperature", "top_p", "num_predict", "stop");

    /** Other shapes' parameters that Ollama has under the same name and meaning. */
    private static final Map<Shape, Set<String>> SHARED = Map.of(
            Shape.OPENAI_CHAT, Set.of("seed", "presence_penalty", "frequency_penalty"),
            Shape.ANTHROPIC_MESSAGES, Set.of("top_k"));

    private OllamaOptions() {
    }

    /** {@code num_predict} of -1 (no limit) or -2 (fill the context) is no maximum: it stays an extra. */
    static Sampling decode(JsonNode options, Map<String, String> extras) {
        Optional<Integer> numPredict = Json.integer(options, "num_predict");
        Optional<Integer> maxTokens = numPredict.filter(value -> value > 0);
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            boolean modelled = MODELLED.contains(option.getKey()) && !(option.getKey().equals("num_predict") && maxTokens.isEmpty());
            if (!modelled && !option.getValue().isNull()) {
                extras.put(PREFIX + option.getKey(), Json.write(option.getValue()));
            }
        }
        return new Sampling(Json.decimal(options, "temperature"), Json.decimal(options, "top_p"), maxTokens, Json.strings(options.get("stop")));
    }

    static void encode(Sampling sampling, ObjectNode options) {
        sampling.temperature().ifPresent(value -> options.put("temperature", value));
        sampling.topP().ifPresent(value -> options.put("top_p", value));
        sampling.maxTokens().ifPresent(value -> options.put("num_predict", value));
        if (!sampling.stop().isEmpty()) {
            ArrayNode stop = options.putArray("stop");
            sampling.stop().forEach(stop::add);
        }
    }

    /** Whether another shape's extra is an Ollama option of the same name and meaning (OpenAI's seed…). */
    static boolean shared(Shape origin, String name) {
        return SHARED.getOrDefault(origin, Set.of()).contains(name);
    }
}
