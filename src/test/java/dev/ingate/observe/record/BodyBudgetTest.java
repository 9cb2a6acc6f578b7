package dev.ingate.observe.record;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BodyBudgetTest {

    private static RequestRecord withChars(int i, int chars) {
        return Records.withBodies(Records.record(70, i), new RequestBodies(new CapturedBody("x".repeat(chars), null, false), null));
    }

    @Test
    void recordsWithBodiesQueueOnlyWhileTheyFit() {
        BodyBudget budget = new BodyBudget(100);
        RequestRecord a = withChars(1, 60);
        RequestRecord b = withChars(2, 60);
        assertThat(budget.reserve(a)).isTrue();
        assertThat(budget.reserve(b)).isFalse();
        assertThat(budget.queuedChars()).isEqualTo(60);
        assertThat(budget.reserve(Records.record(70, 3))).isTrue();   // no bodies: always
        budget.release(List.of(a, Records.record(70, 3)));
        assertThat(budget.queuedChars()).isZero();
        assertThat(budget.reserve(b)).isTrue();
    }

    @Test
    void oneRecordLargerThanTheBudgetStillPassesAlone() {
        BodyBudget budget = new BodyBudget(10);
        RequestRecord big = withChars(1, 50);
        assertThat(budget.reserve(big)).isTrue();
        assertThat(budget.reserve(withChars(2, 1))).isFalse();
        budget.release(big);
        assertThat(budget.queuedChars()).isZero();
    }
}
