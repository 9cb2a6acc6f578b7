package dev.ingate.budget;

import dev.ingate.config.BudgetPeriod;

import java.util.List;

/**
 * One budget a request spends from: a gateway key's ({@code key:<id>}) or the global one ({@code global}).
 *
 * @param keyId  the key whose spend the usage rollups hold, null for the global budget (all spend)
 * @param label  how messages and events name it: {@code gateway key 'team-a'} or {@code the global budget}
 * @param alerts percentages of the limit at which {@code budget.threshold} is published, once per period each
 */
record BudgetScope(String id, String keyId, String keyName, String label, long limitNanos, BudgetPeriod period,
                   List<Integer> alerts) {

    /** The account this scope spends from now: one per scope and period. */
    String account(long nowMillis) {
        return id + ":" + Periods.id(period, nowMillis);
    }
}
