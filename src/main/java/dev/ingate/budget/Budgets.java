package dev.ingate.budget;

import dev.ingate.config.BudgetSettings;
import dev.ingate.estimate.AdmissionEstimate;
import dev.ingate.estimate.AdmissionEstimates;
import dev.ingate.events.GatewayEvents;
import dev.ingate.keys.GatewayKey;
import dev.ingate.config.KeyLimits;
import dev.ingate.observe.ExchangeCost;
import dev.ingate.pipeline.AttributeKey;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.ExchangeObserver;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.Interceptor;
import dev.ingate.redis.SharedRedis;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Budgets in USD per gateway key and for the whole gateway, per UTC day, UTC month or in total. Before a request
 * goes upstream its estimated cost (prompt and possible output at the model's price) is reserved in every budget it
 * spends from; a budget whose spend and reservations have reached its limit answers 402. When the exchange is over
 * the reservation is released and the actual cost added ({@link #finished}), and crossing an alert threshold
 * publishes {@code budget.threshold}, once per period.
 */
public final class Budgets implements Interceptor, ExchangeObserver {

    private static final System.Logger LOG = System.getLogger(Budgets.class.getName());
    private static final AttributeKey<Reservation> RESERVATION = new AttributeKey<>("budget-reservation");
    private static final String ESTIMATE_PATH = "/v1/estimate";

    /** @param refusedBy -1 when reserved, else the index of the budget that is used up */
    private record Reservation(List<BudgetScope> scopes, List<String> accounts, long estimateNanos, Ledger ledger, long atMillis,
                               int refusedBy) {
    }

    private final BudgetSettings settings;
    private final Ledger primary;
    private final LocalLedger fallback;
    private final AdmissionEstimates estimates;
    private final ExchangeCost cost;
    private final GatewayEvents events;
    private final TodaysScopes todaysScopes = new TodaysScopes(this::scopes);

    Budgets(BudgetSettings settings, Ledger primary, LocalLedger fallback, AdmissionEstimates estimates, ExchangeCost cost,
            GatewayEvents events) {
        this.settings = settings;
        this.primary = primary;
        this.fallback = fallback;
        this.estimates = estimates;
        this.cost = cost;
        this.events = events;
    }

    /** In Redis when there is one (in-process while it is unreachable), else in-process; seeded from {@code history}. */
    public static Budgets create(BudgetSettings settings, Optional<SharedRedis> redis, SpendHistory history,
                                 AdmissionEstimates estimates, ExchangeCost cost, GatewayEvents events) {
        LocalLedger local = new LocalLedger(history);
        Ledger primary = redis.<Ledger>map(r -> new RedisLedger(r, history)).orElse(local);
        return new Budgets(settings, primary, local, estimates, cost, events);
    }

    @Override
    public void intercept(Exchange ex, Handler next) {
        long now = System.currentTimeMillis();
        TodaysScopes.Resolved resolved = todaysScopes.of(ex.key(), now);
        List<BudgetScope> scopes = resolved.scopes();
        if (scopes.isEmpty() || ESTIMATE_PATH.equals(ex.request().path())) {
            next.handle(ex);
            return;
        }
        Future<Reservation> reserved = reserve(scopes, resolved.accounts(), estimates.of(ex), now);
        if (reserved.isComplete()) {   // in-process ledger and a small body: no hand-off, no callbacks
            decide(ex, next, reserved, scopes, now);
            return;
        }
        Context loop = Vertx.currentContext();
        reserved.onComplete(done -> onLoop(loop, () -> decide(ex, next, done, scopes, now)));
    }

    private void decide(Exchange ex, Handler next, AsyncResult<Reservation> done, List<BudgetScope> scopes, long now) {
        if (done.failed()) {   // no ledger answered (the database is down for a seed): do not stop traffic
            LOG.log(System.Logger.Level.WARNING, "budget not checked: {0}", done.cause().toString());
            next.handle(ex);
            return;
        }
        Reservation reservation = done.result();
        if (reservation.refusedBy() >= 0) {
            exhausted(ex, scopes.get(reservation.refusedBy()), now);
            return;
        }
        ex.attribute(RESERVATION, reservation);
        next.handle(ex);
    }

    private Future<Reservation> reserve(List<BudgetScope> scopes, List<String> accounts, Future<AdmissionEstimate> estimate, long now) {
        if (estimate.succeeded()) {
            return reserve(scopes, accounts, estimate.result(), now);
        }
        return estimate.compose(e -> reserve(scopes, accounts, e, now));
    }

    private Future<Reservation> reserve(List<BudgetScope> scopes, List<String> accounts, AdmissionEstimate estimate, long now) {
        long nanos = estimate.costNanos();
        return withFallback(ledger -> ledger.reserve(scopes, accounts, nanos).map(refused -> outcome(scopes, accounts, nanos, ledger, refused, now)));
    }

    /** Asks the primary ledger, and the in-process one when the primary (Redis) cannot answer. */
    private <T> Future<T> withFallback(Function<Ledger, Future<T>> call) {
        Future<T> answer = call.apply(primary);
        return primary == fallback || answer.succeeded() ? answer : answer.recover(failure -> call.apply(fallback));
    }

    private static Reservation outcome(List<BudgetScope> scopes, List<String> accounts, long nanos, Ledger ledger, int refused, long now) {
        return new Reservation(scopes, accounts, nanos, ledger, now, refused);
    }

    private void exhausted(Exchange ex, BudgetScope scope, long now) {
        BigDecimal limit = KeyLimits.fromNanos(scope.limitNanos());
        String period = switch (scope.period()) {
            case DAY -> "today (UTC)";
            case MONTH -> "this month (UTC)";
            case TOTAL -> "in total";
        };
        ex.fail(new IngateError(IngateError.Kind.BUDGET, "budget_exceeded",
                "Budget exhausted: " + scope.label() + " has spent its " + limit.toPlainString() + " USD " + period));
        String account = scope.account(now);
        marker(account + ":exhausted", scope, now).onSuccess(first -> {
            if (first) {
                events.publish(GatewayEvents.BUDGET_EXHAUSTED, eventData(scope, account, -1, -1));
            }
        });
    }

    /** Releases the reservation, adds the actual cost, and publishes the thresholds this spend crossed first. */
    @Override
    public void finished(Exchange ex) {
        Reservation r = ex.attribute(RESERVATION);
        if (r == null) {
            return;
        }
        BigDecimal usd = cost.of(ex);
        long actual = usd == null ? 0 : KeyLimits.toNanos(usd.setScale(9, java.math.RoundingMode.CEILING));
        r.ledger().settle(r.scopes(), r.accounts(), r.estimateNanos(), actual).onSuccess(spent -> {
            for (int i = 0; i < spent.length; i++) {
                alerts(r.scopes().get(i), r.accounts().get(i), spent[i], r.atMillis());
            }
        });
    }

    /** Publishes the thresholds {@code spent} has reached in this account, each the first time only. */
    void alerts(BudgetScope scope, String account, long spent, long at) {
        if (spent < 0 || scope.limitNanos() <= 0) {
            return;
        }
        for (int percent : scope.alerts()) {
            // in doubles: spent * 100 could overflow a long for the largest budgets, and a threshold needs no exactness
            if ((double) spent * 100 >= (double) scope.limitNanos() * percent) {
                marker(account + ":" + percent, scope, at).onSuccess(first -> {
                    if (first) {
                        events.publish(GatewayEvents.BUDGET_THRESHOLD, eventData(scope, account, percent, spent));
                    }
                });
            }
        }
    }

    private Future<Boolean> marker(String name, BudgetScope scope, long at) {
        long until = Periods.endMillis(scope.period(), at);
        return withFallback(ledger -> ledger.firstTime(name, until));
    }

    private static java.util.Map<String, Object> eventData(BudgetScope scope, String account, int percent, long spent) {
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("scope", scope.keyId() == null ? "global" : "key");
        if (scope.keyId() != null) {
            data.put("key_id", scope.keyId());
            data.put("key_name", scope.keyName());
        }
        data.put("period", scope.period().wireName());
        data.put("period_id", account.substring(account.lastIndexOf(':') + 1));
        data.put("budget_usd", KeyLimits.fromNanos(scope.limitNanos()).toPlainString());
        if (percent > 0) {
            data.put("threshold_percent", percent);
            data.put("spent_usd", KeyLimits.fromNanos(spent).toPlainString());
        }
        return data;
    }

    /** The key's own budget first, then the global one. */
    List<BudgetScope> scopes(GatewayKey key) {
        List<BudgetScope> scopes = new ArrayList<>(2);
        if (key != null) {
            keyScope(key.id(), key.name(), key.limits()).ifPresent(scopes::add);
        }
        globalScope().ifPresent(scopes::add);
        return scopes;
    }

    private Optional<BudgetScope> keyScope(String id, String name, KeyLimits limits) {
        return limits.budgetUsd().map(usd -> new BudgetScope("key:" + id, id, name, "gateway key '" + name + "'",
                limits.budgetNanos(), limits.budgetPeriod(), settings.keyAlerts()));
    }

    private Optional<BudgetScope> globalScope() {
        return settings.usd().map(usd -> new BudgetScope("global", null, null, "the global budget",
                KeyLimits.toNanos(usd), settings.period(), settings.alerts()));
    }

    /** A key's budget this period, read from the ledger the check uses; empty when the key has no budget of its own. */
    public Optional<Future<BudgetStatus>> status(String keyId, String keyName, KeyLimits limits) {
        return keyScope(keyId, keyName, limits).map(this::status);
    }

    /** The global budget this period; empty when the config file sets none. */
    public Optional<Future<BudgetStatus>> globalStatus() {
        return globalScope().map(this::status);
    }

    private Future<BudgetStatus> status(BudgetScope scope) {
        long now = System.currentTimeMillis();
        String account = scope.account(now);
        return withFallback(ledger -> ledger.spent(scope, account)).map(spent -> BudgetStatus.of(scope, spent, now));
    }

    private static void onLoop(Context loop, Runnable action) {
        if (loop == null || Vertx.currentContext() == loop) {
            action.run();
        } else {
            loop.runOnContext(v -> action.run());
        }
    }
}
