package dev.ingate.budget;

import dev.ingate.config.BudgetPeriod;
import dev.ingate.config.KeyLimits;
import dev.ingate.keys.GatewayKey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Scopes are worked out once per key and UTC day: the account names follow the day, a changed key is seen. */
class TodaysScopesTest {

    private static final long DEC_1_NOON = Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();
    private static final long DEC_1_LAST_MS = Instant.parse("2026-12-01T23:59:59.999Z").toEpochMilli();
    private static final long DEC_2_MIDNIGHT = Instant.parse("2026-12-02T00:00:00Z").toEpochMilli();

    private final AtomicInteger workedOut = new AtomicInteger();
    private final TodaysScopes scopes = new TodaysScopes(key -> {
        workedOut.incrementAndGet();
        return List.of(new BudgetScope("key:" + key.id(), key.id(), key.name(), "gateway key '" + key.name() + "'",
                1_000_000_000L, key.limits().budgetPeriod(), List.of()));
    });

    private static GatewayKey key(String name, BudgetPeriod period) {
        return GatewayKey.of("id-1", name, new byte[32], List.of(), List.of(), Long.MAX_VALUE,
                new KeyLimits(0, 0, Optional.of(BigDecimal.ONE), period));
    }

    @Test
    void oneWorkingOutPerKeyAndDay() {
        GatewayKey key = key("team-a", BudgetPeriod.DAY);
        assertThat(scopes.of(key, DEC_1_NOON).accounts()).containsExactly("key:id-1:d2026-12-01");
        assertThat(scopes.of(key, DEC_1_LAST_MS).accounts()).containsExactly("key:id-1:d2026-12-01");
        assertThat(workedOut).hasValue(1);
        assertThat(scopes.of(key, DEC_2_MIDNIGHT).accounts()).containsExactly("key:id-1:d2026-12-02");
        assertThat(workedOut).hasValue(2);
    }

    @Test
    void aChangedKeyIsWorkedOutAgain() {
        assertThat(scopes.of(key("team-a", BudgetPeriod.DAY), DEC_1_NOON).accounts()).containsExactly("key:id-1:d2026-12-01");
        TodaysScopes.Resolved changed = scopes.of(key("team-b", BudgetPeriod.MONTH), DEC_1_NOON);
        assertThat(changed.accounts()).containsExactly("key:id-1:m2026-12");
        assertThat(changed.scopes().get(0).label()).isEqualTo("gateway key 'team-b'");
    }
}
