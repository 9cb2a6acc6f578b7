package dev.ingate.budget;

import io.vertx.core.Future;

import java.util.List;

/**
 * Spend and reservations per budget account. A reservation is taken atomically over all scopes of a request while
 * every account's {@code spent + reserved} is below its limit, so concurrent requests can pass a limit by at most
 * one request's estimate (as long as answers cost no more than estimated).
 */
interface Ledger {

    /** @return -1 when reserved, else the index of the scope whose budget is used up */
    Future<Integer> reserve(List<BudgetScope> scopes, List<String> accounts, long estimateNanos);

    /**
     * Releases the reservation and adds what the request cost.
     *
     * @return each account's spend after it (-1 where the account is gone: its period ended)
     */
    Future<long[]> settle(List<BudgetScope> scopes, List<String> accounts, long estimateNanos, long actualNanos);

    /** What the account has spent (settled costs, not open reservations); it need not have been used yet. */
    Future<Long> spent(BudgetScope scope, String account);

    /** True the first time it is asked for this marker (a threshold or exhaustion of one account), false after. */
    Future<Boolean> firstTime(String marker, long untilMillis);
}
