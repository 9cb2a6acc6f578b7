package dev.ingate.admin;

import dev.ingate.config.BudgetPeriod;
import dev.ingate.config.KeyLimits;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The fields of a key body, each checked with a 400 naming it; absent fields keep the given current value. */
final class KeyBodies {

    private KeyBodies() {
    }

    static String requiredName(JsonNode body) {
        JsonNode name = body.get("name");
        if (name == null || !name.isString() || name.asString().isBlank()) {
            throw AdminException.badRequest("name: required (a non-empty string)");
        }
        return name.asString().trim();
    }

    static List<String> providers(JsonNode body, AdminContext ctx, List<String> current) {
        if (!body.has("providers")) {
            return current;
        }
        List<String> names = strings(body.get("providers"), "providers");
        for (String name : names) {
            if (ctx.providers().get(name).isEmpty()) {
                throw AdminException.badRequest("providers: provider '" + name + "' does not exist");
            }
        }
        return names;
    }

    static List<String> models(JsonNode body, List<String> current) {
        return body.has("models") ? strings(body.get("models"), "models") : current;
    }

    static Optional<Instant> expiry(JsonNode body, Optional<Instant> current) {
        if (!body.has("expires_at")) {
            return current;
        }
        JsonNode value = body.get("expires_at");
        if (value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.asString()));
        } catch (DateTimeParseException e) {
            throw AdminException.badRequest("expires_at: must be an ISO-8601 instant such as 2027-01-31T00:00:00Z, or null");
        }
    }

    static boolean enabled(JsonNode body, boolean current) {
        if (!body.has("enabled")) {
            return current;
        }
        JsonNode value = body.get("enabled");
        if (!value.isBoolean()) {
            throw AdminException.badRequest("enabled: must be true or false");
        }
        return value.asBoolean();
    }

    /**
     * {@code rpm}, {@code tpm}, {@code budget_usd}, {@code budget_period} over the current limits; null clears a
     * field. A budget period without any budget is refused: it would silently do nothing.
     */
    static KeyLimits limits(JsonNode body, KeyLimits current) {
        long rpm = body.has("rpm") ? perMinute(body.get("rpm"), "rpm") : current.rpm();
        long tpm = body.has("tpm") ? perMinute(body.get("tpm"), "tpm") : current.tpm();
        Optional<BigDecimal> usd = current.budgetUsd();
        if (body.has("budget_usd")) {
            JsonNode value = body.get("budget_usd");
            if (value.isNull()) {
                usd = Optional.empty();
            } else if (!value.isNumber() || value.decimalValue().signum() < 0 || value.decimalValue().scale() > 9
                    || value.decimalValue().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
                throw AdminException.badRequest("budget_usd: must be a number of USD from 0 to 1000000000 (at most 9 decimals), or null");
            } else {
                usd = Optional.of(value.decimalValue());
            }
        }
        BudgetPeriod period = current.budgetPeriod();
        if (body.has("budget_period")) {
            JsonNode value = body.get("budget_period");
            period = value.isNull() ? BudgetPeriod.MONTH : BudgetPeriod.parse(value.isString() ? value.asString() : "")
                    .orElseThrow(() -> AdminException.badRequest("budget_period: must be day, month or total"));
            if (usd.isEmpty() && !value.isNull()) {
                throw AdminException.badRequest("budget_period: needs budget_usd");
            }
        }
        return new KeyLimits(rpm, tpm, usd, period);
    }

    private static long perMinute(JsonNode value, String field) {
        if (value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
            throw AdminException.badRequest(field + ": must be a whole number of at least 1, or null for none");
        }
        return value.asLong();
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw AdminException.badRequest(field + ": must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString() || item.asString().isBlank()) {
                throw AdminException.badRequest(field + ": must be an array of non-empty strings");
            }
            values.add(item.asString());
        }
        return List.copyOf(values);
    }
}
