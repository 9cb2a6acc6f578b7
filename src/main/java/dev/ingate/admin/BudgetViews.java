package dev.ingate.admin;

import dev.ingate.budget.BudgetStatus;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** Budget spend as the admin API shows it: on a key ({@code spend_usd}, …) and the global budget ({@code /budget}). */
final class BudgetViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BudgetViews() {
    }

    /** The current period of a key's own budget; all null for a key without one (its spend is in {@code /usage}). */
    static void putKeySpend(ObjectNode node, BudgetStatus status) {
        node.put("spend_usd", status == null ? null : status.spentUsd());
        node.put("budget_remaining_usd", status == null ? null : status.remainingUsd());
        node.put("budget_period_start", status == null ? null : text(status.periodStart()));
        node.put("budget_resets_at", status == null ? null : text(status.resetsAt()));
    }

    static ObjectNode global(BudgetStatus status) {
        ObjectNode node = JSON.createObjectNode();
        node.put("usd", status.usd());
        node.put("period", status.period().wireName());
        node.put("spend_usd", status.spentUsd());
        node.put("remaining_usd", status.remainingUsd());
        node.put("period_start", text(status.periodStart()));
        node.put("resets_at", text(status.resetsAt()));
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
