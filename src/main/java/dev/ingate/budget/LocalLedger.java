package dev.ingate.budget;

import io.vertx.core.Future;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts in this process, shared by all event loops. An account starts from the recorded spend of its period
 * ({@link SpendHistory}, read once on a worker thread); until then requests wait for it. Each update holds the
 * account's lock for a few arithmetic operations only.
 */
final class LocalLedger implements Ledger {

    private static final class Account {
        long spent;
        long reserved;
    }

    private final SpendHistory history;
    private final ConcurrentHashMap<String, Future<Account>> accounts = new ConcurrentHashMap<>();
    private final Set<String> markers = ConcurrentHashMap.newKeySet();

    LocalLedger(SpendHistory history) {
        this.history = history;
    }

    @Override
    public Future<Integer> reserve(List<BudgetScope> scopes, List<String> names, long estimateNanos) {
        Account[] open = alreadyOpen(names);
        if (open != null) {   // every request after an account's first: no futures to chain
            return Future.succeededFuture(reserveNow(scopes, open, estimateNanos));
        }
        return opened(scopes, names).map(accounts -> reserveNow(scopes, accounts, estimateNanos));
    }

    /** The accounts when every one is open (seeded) already, else null. */
    private Account[] alreadyOpen(List<String> names) {
        Account[] open = new Account[names.size()];
        for (int i = 0; i < open.length; i++) {
            Future<Account> account = accounts.get(names.get(i));
            if (account == null || !account.succeeded()) {
                return null;
            }
            open[i] = account.result();
        }
        return open;
    }

    private static Integer reserveNow(List<BudgetScope> scopes, Account[] open, long estimate) {
        // one lock at a time, in order; a refusal undoes what the earlier scopes took
        for (int i = 0; i < open.length; i++) {
            synchronized (open[i]) {
                if (open[i].spent + open[i].reserved >= scopes.get(i).limitNanos()) {
                    for (int j = 0; j < i; j++) {
                        synchronized (open[j]) {
                            open[j].reserved -= estimate;
                        }
                    }
                    return i;
                }
                open[i].reserved += estimate;
            }
        }
        return -1;
    }

    @Override
    public Future<long[]> settle(List<BudgetScope> scopes, List<String> names, long estimateNanos, long actualNanos) {
        long[] spent = new long[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Future<Account> account = accounts.get(names.get(i));
            if (account == null || !account.succeeded()) {
                spent[i] = -1;
                continue;
            }
            Account a = account.result();
            synchronized (a) {
                a.reserved -= estimateNanos;
                a.spent += actualNanos;
                spent[i] = a.spent;
            }
        }
        return Future.succeededFuture(spent);
    }

    @Override
    public Future<Long> spent(BudgetScope scope, String name) {
        Future<Account> account = accounts.get(name);
        if (account != null && account.succeeded()) {
            Account a = account.result();
            synchronized (a) {
                return Future.succeededFuture(a.spent);
            }
        }
        // no request opened it in this period yet: a read does not open it, it tells what the account would start from
        return RecordedSpend.of(history, scope, System.currentTimeMillis());
    }

    @Override
    public Future<Boolean> firstTime(String marker, long untilMillis) {
        return Future.succeededFuture(markers.add(marker));
    }

    /** The accounts, seeded from history on first use; a failed seed is forgotten so the next request tries again. */
    private Future<Account[]> opened(List<BudgetScope> scopes, List<String> names) {
        Account[] open = new Account[names.size()];
        Future<?> all = Future.succeededFuture();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            BudgetScope scope = scopes.get(i);
            String name = names.get(i);
            Future<Account> account = accounts.computeIfAbsent(name, n -> seed(scope));
            account.onFailure(e -> accounts.remove(name, account));
            all = all.compose(v -> account.andThen(done -> open[index] = done.result()));
        }
        return all.map(v -> open);
    }

    private Future<Account> seed(BudgetScope scope) {
        return RecordedSpend.of(history, scope, System.currentTimeMillis()).map(spent -> {
            Account a = new Account();
            a.spent = spent;
            return a;
        });
    }
}
