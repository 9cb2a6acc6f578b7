package dev.ingate.budget;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A scope's spend in its current period as the usage rollups recorded it ({@link SpendHistory}, a database read): on
 * a worker thread when asked on an event loop, else right on the calling thread, which is off the loops already.
 */
final class RecordedSpend {

    private RecordedSpend() {
    }

    static Future<Long> of(SpendHistory history, BudgetScope scope, long nowMillis) {
        String firstDay = Periods.firstDay(scope.period(), nowMillis);
        if (Context.isOnEventLoopThread()) {
            return Vertx.currentContext().executeBlocking(() -> history.spentNanos(scope.keyId(), firstDay), false);
        }
        try {
            return Future.succeededFuture(history.spentNanos(scope.keyId(), firstDay));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
