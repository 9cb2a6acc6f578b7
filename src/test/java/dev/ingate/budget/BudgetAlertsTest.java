package dev.ingate.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.config.BudgetPeriod;
import dev.ingate.config.BudgetSettings;
import dev.ingate.events.GatewayEvents;
import dev.ingate.observe.ExchangeCost;
import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.estimate.AdmissionEstimates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Alert thresholds (once per period each) and the in-process ledger's atomic reservations. */
class BudgetAlertsTest {

    private record Event(String type, Map<String, Object> data) {
    }

    private static final long LIMIT = 1_000_000_000L;   // 1 USD in nano-dollars

    private final List<Event> events = new ArrayList<>();
    private final Budgets budgets = Budgets.create(BudgetSettings.NONE, Optional.empty(), SpendHistory.NONE,
            new AdmissionEstimates(PriceCatalog.load()), new ExchangeCost(PriceCatalog.load()),
            (type, data) -> events.add(new Event(type, data)));
    private final BudgetScope scope = new BudgetScope("key:k1", "k1", "team-a", "gateway key 'team-a'", LIMIT, BudgetPeriod.MONTH,
            List.of(50, 80, 100));

    @Test
    void eachThresholdIsPublishedOncePerPeriod() {
        long now = System.currentTimeMillis();
        String thisMonth = scope.account(now);
        budgets.alerts(scope, thisMonth, LIMIT * 40 / 100, now);
        assertThat(events).isEmpty();
        budgets.alerts(scope, thisMonth, LIMIT * 55 / 100, now);
        budgets.alerts(scope, thisMonth, LIMIT * 60 / 100, now);
        assertThat(events).extracting(e -> e.data().get("threshold_percent")).containsExactly(50);
        budgets.alerts(scope, thisMonth, LIMIT, now);   // 80 and 100 crossed in one step: both, once
        budgets.alerts(scope, thisMonth, LIMIT * 2, now);
        assertThat(events).extracting(e -> e.data().get("threshold_percent")).containsExactly(50, 80, 100);
        assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo(GatewayEvents.BUDGET_THRESHOLD));
        assertThat(events.getFirst().data()).containsEntry("scope", "key").containsEntry("key_name", "team-a")
                .containsEntry("period", "month").containsEntry("budget_usd", "1").containsEntry("spent_usd", "0.55");

        String nextMonth = "key:k1:m2999-01";   // a new period starts over
        budgets.alerts(scope, nextMonth, LIMIT * 51 / 100, now);
        assertThat(events).hasSize(4);
        assertThat(events.getLast().data()).containsEntry("period_id", "m2999-01").containsEntry("threshold_percent", 50);
    }

    @Test
    void concurrentReservationsPassTheLimitByLessThanOneEstimate() throws Exception {
        LocalLedger ledger = new LocalLedger((key, day) -> LIMIT / 2);   // half spent before this process started
        List<BudgetScope> scopes = List.of(scope);
        List<String> accounts = List.of(scope.account(System.currentTimeMillis()));
        long estimate = LIMIT / 7;
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 200; i++) {
            pool.submit(() -> {
                go.await();
                if (ledger.reserve(scopes, accounts, estimate).await() < 0) {
                    admitted.incrementAndGet();
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        // 0.5 + n/7 must stay below 1 before the last admission: n = 4 (0.5 + 4/7 = 1.07 > 1 after the fourth)
        assertThat(admitted.get()).isEqualTo(4);
        long[] spent = ledger.settle(scopes, accounts, estimate, estimate).await();
        assertThat(spent[0]).isEqualTo(LIMIT / 2 + estimate);
    }
}
