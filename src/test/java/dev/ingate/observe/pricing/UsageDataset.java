package dev.ingate.observe.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays genai-prices' own dataset ({@code pricing/usages.json}: real usage payloads, and for
 * each extractor that could read one, the input and output price genai-prices computed) through
 * {@link RawUsage}, {@link PriceCatalog} and {@link CostCalculator}.
 */
final class UsageDataset {

    /** The instant genai-prices' dataset script prices at (time-dependent prices depend on it). */
    static final Instant PRICED_AT = Instant.parse("2025-11-06T12:00:00Z");

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");

    /** One extractor's verdict on one payload. */
    record Check(int payload, String provider, String flavor, String model, boolean expectedPriced, String outcome) {
        boolean ok() {
            return outcome.isEmpty();
        }
    }

    record Report(int payloads, int payloadsMatched, List<Check> checks) {
        long checksMatched() {
            return checks.stream().filter(Check::ok).count();
        }

        long pricedChecks() {
            return checks.stream().filter(Check::expectedPriced).count();
        }

        long pricedChecksMatched() {
            return checks.stream().filter(c -> c.expectedPriced() && c.ok()).count();
        }

        /** Mismatches grouped by kind, provider/flavor and model, with counts: for the log. */
        Map<String, Integer> mismatchSummary() {
            Map<String, Integer> out = new TreeMap<>();
            for (Check c : checks) {
                if (!c.ok()) {
                    String kind = c.outcome().replaceAll(":.*", "");
                    out.merge(kind + " | " + c.provider() + "/" + c.flavor() + " | " + c.model(), 1, Integer::sum);
                }
            }
            return out;
        }
    }

    private UsageDataset() {
    }

    static JsonNode read() {
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        try (InputStream in = UsageDataset.class.getResourceAsStream("/pricing/usages.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Report run(PriceCatalog catalog, JsonNode rows) {
        List<Check> checks = new ArrayList<>();
        int matched = 0;
        int index = 0;
        for (JsonNode row : rows) {
            boolean all = true;
            for (JsonNode extracted : row.path("extracted")) {
                for (JsonNode e : extracted.path("extractors")) {
                    Check c = check(catalog, index, row.get("body"), e);
                    all &= c.ok();
                    checks.add(c);
                }
            }
            matched += all ? 1 : 0;
            index++;
        }
        return new Report(index, matched, checks);
    }

    private static Check check(PriceCatalog catalog, int index, JsonNode body, JsonNode e) {
        String provider = e.get("provider_id").asString();
        String flavor = e.get("api_flavor").asString();
        String model = RawUsage.model(provider, flavor, body);
        JsonNode expectedIn = e.get("input_price");
        JsonNode expectedOut = e.get("output_price");
        Optional<ModelPrice> price = model == null ? Optional.empty() : catalog.find(provider, model);
        String outcome;
        if (expectedIn == null) {
            outcome = price.isEmpty() ? "" : "priced, genai-prices found none: " + price.get().modelId();
        } else if (price.isEmpty()) {
            outcome = "no price found: expected " + expectedIn.asString();
        } else {
            Cost cost = CostCalculator.cost(price.get(), RawUsage.usage(provider, flavor, body), PRICED_AT);
            outcome = compare("input", cost.inputUsd(), new BigDecimal(expectedIn.asString()))
                    + compare("output", cost.outputUsd(), new BigDecimal(expectedOut.asString()));
        }
        return new Check(index, provider, flavor, model, expectedIn != null, outcome);
    }

    private static String compare(String what, BigDecimal actual, BigDecimal expected) {
        return actual.subtract(expected).abs().compareTo(TOLERANCE) <= 0
                ? ""
                : what + " differs: " + actual.toPlainString() + " vs " + expected.toPlainString() + "; ";
    }
}
