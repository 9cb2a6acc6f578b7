package dev.ingate.budget;

import dev.ingate.keys.GatewayKey;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The budgets a key's requests spend from and the names of their accounts, worked out once per key and UTC day
 * rather than per request (the account names format dates). A key changed by the admin API is a new object and
 * is worked out again. Shared by all event loops.
 */
final class TodaysScopes {

    private static final long DAY_MILLIS = 86_400_000L;
    private static final String NO_KEY = "";

    /** The scopes, the key's own first, and each one's account today. */
    record Resolved(List<BudgetScope> scopes, List<String> accounts) {
    }

    private record Entry(GatewayKey key, long epochDay, Resolved resolved) {
    }

    private final Function<GatewayKey, List<BudgetScope>> scopesOf;
    private final ConcurrentHashMap<String, Entry> byKeyId = new ConcurrentHashMap<>();

    TodaysScopes(Function<GatewayKey, List<BudgetScope>> scopesOf) {
        this.scopesOf = scopesOf;
    }

    Resolved of(GatewayKey key, long nowMillis) {
        long day = Math.floorDiv(nowMillis, DAY_MILLIS);   // the UTC day, as Periods counts it
        String id = key == null ? NO_KEY : key.id();
        Entry entry = byKeyId.get(id);
        if (entry == null || entry.key() != key || entry.epochDay() != day) {
            List<BudgetScope> scopes = scopesOf.apply(key);
            entry = new Entry(key, day, new Resolved(scopes, scopes.stream().map(s -> s.account(nowMillis)).toList()));
            byKeyId.put(id, entry);
        }
        return entry.resolved();
    }
}
