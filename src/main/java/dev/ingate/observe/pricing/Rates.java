package dev.ingate.observe.pricing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The prices of one model at one moment, in USD per million tokens (requests: per thousand).
 * A component is {@code null} when the catalog gives no such price; {@link CostCalculator} then
 * falls back to the nearest general price (audio → text, cache read/write → input) rather than
 * treating those tokens as free.
 *
 * @param input          uncached text input ({@code input_mtok})
 * @param output         output, reasoning included ({@code output_mtok})
 * @param cacheRead      tokens read from the prompt cache ({@code cache_read_mtok})
 * @param cacheWrite     tokens written to the prompt cache ({@code cache_write_mtok})
 * @param inputAudio     uncached audio input ({@code input_audio_mtok})
 * @param cacheAudioRead audio read from the cache ({@code cache_audio_read_mtok})
 * @param outputAudio    audio output ({@code output_audio_mtok})
 * @param requestsKcount USD per thousand requests ({@code requests_kcount}), or null
 */
public record Rates(
        Rate input,
        Rate output,
        Rate cacheRead,
        Rate cacheWrite,
        Rate inputAudio,
        Rate cacheAudioRead,
        Rate outputAudio,
        BigDecimal requestsKcount) {

    /** Everything at zero: local models (Ollama and friends) cost nothing per token. */
    public static final Rates FREE = new Rates(
            Rate.flat(BigDecimal.ZERO), Rate.flat(BigDecimal.ZERO), Rate.flat(BigDecimal.ZERO),
            Rate.flat(BigDecimal.ZERO), Rate.flat(BigDecimal.ZERO), Rate.flat(BigDecimal.ZERO),
            Rate.flat(BigDecimal.ZERO), null);

    /** Flat input and output prices only; handy for tests and for hand-configured prices. */
    public static Rates of(String inputPerMillion, String outputPerMillion) {
        return new Rates(Rate.flat(inputPerMillion), Rate.flat(outputPerMillion),
                null, null, null, null, null, null);
    }

    public Rates withCache(String readPerMillion, String writePerMillion) {
        return new Rates(input, output,
                readPerMillion == null ? null : Rate.flat(readPerMillion),
                writePerMillion == null ? null : Rate.flat(writePerMillion),
                inputAudio, cacheAudioRead, outputAudio, requestsKcount);
    }

    /** True when nothing here costs anything (every present price is zero, no tiers above it). */
    public boolean free() {
        for (Rate r : new Rate[] {input, output, cacheRead, cacheWrite, inputAudio, cacheAudioRead, outputAudio}) {
            if (r != null && (r.base().signum() != 0 || r.tiers().stream().anyMatch(t -> t.price().signum() != 0))) {
                return false;
            }
        }
        return requestsKcount == null || requestsKcount.signum() == 0;
    }

    /**
     * Parses a genai-prices {@code prices} object. The per-modality text keys of newer data
     * ({@code input_text_mtok}, …) stand in for the plain ones when those are absent; image and
     * video prices are not modelled (Ingate's usage has no image/video token counts).
     */
    static Rates parse(JsonNode prices) {
        BigDecimal kcount = prices.has("requests_kcount") ? prices.get("requests_kcount").decimalValue() : null;
        return new Rates(
                rate(prices, "input_mtok", "input_text_mtok"),
                rate(prices, "output_mtok", "output_text_mtok"),
                rate(prices, "cache_read_mtok", "cache_text_read_mtok"),
                rate(prices, "cache_write_mtok", "cache_text_write_mtok"),
                rate(prices, "input_audio_mtok", null),
                rate(prices, "cache_audio_read_mtok", null),
                rate(prices, "output_audio_mtok", null),
                kcount);
    }

    private static Rate rate(JsonNode prices, String key, String alternative) {
        JsonNode node = prices.get(key);
        if (node == null && alternative != null) {
            node = prices.get(alternative);
        }
        return node == null || node.isNull() ? null : Rate.parse(node);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Rates{");
        Map<String, Rate> named = new LinkedHashMap<>();
        named.put("input", input);
        named.put("output", output);
        named.put("cacheRead", cacheRead);
        named.put("cacheWrite", cacheWrite);
        named.put("inputAudio", inputAudio);
        named.put("cacheAudioRead", cacheAudioRead);
        named.put("outputAudio", outputAudio);
        named.forEach((k, v) -> {
            if (v != null) {
                sb.append(k).append('=').append(v.base().toPlainString()).append(v.tiered() ? "+tiers " : " ");
            }
        });
        if (requestsKcount != null) {
            sb.append("requestsKcount=").append(requestsKcount.toPlainString());
        }
        return sb.toString().strip() + "}";
    }
}
