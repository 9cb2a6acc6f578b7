package dev.ingate.observe.record;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WriterPacingTest {

    /** A machine whose load and time the test sets. */
    private static final class FakeClocks implements WriterPacing.Clocks {
        double load;
        long cpu;
        long stallMicros = -1;
        long now = 1_000_000_000L;

        @Override
        public long cpuStallMicros() {
            return stallMicros;
        }

        @Override
        public double machineLoad() {
            return load;
        }

        @Override
        public long threadCpuNanos() {
            return cpu;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        void advanceMillis(long ms) {
            now += TimeUnit.MILLISECONDS.toNanos(ms);
        }
    }

    @Test
    void aMachineWithRoomWritesEveryBatch() {
        FakeClocks clocks = new FakeClocks();
        WriterPacing pacing = new WriterPacing(clocks, 2);
        clocks.load = 0.5;
        for (int i = 0; i < 50; i++) {
            clocks.advanceMillis(100);
            assertThat(pacing.mayUseDatabase()).isTrue();
            pacing.charge(TimeUnit.MILLISECONDS.toNanos(90));
        }
        assertThat(pacing.busy()).isFalse();
    }

    @Test
    void aSaturatedMachineGivesTheDatabaseAFewPercentOfOneCore() {
        FakeClocks clocks = new FakeClocks();
        WriterPacing pacing = new WriterPacing(clocks, 2);
        clocks.load = 1.0;
        long writes = 0;
        long cpuPerWrite = TimeUnit.MILLISECONDS.toNanos(18);   // a batch of 1,000 records
        for (int i = 0; i < 1000; i++) {   // 100 s in steps of 100 ms
            clocks.advanceMillis(100);
            if (pacing.mayUseDatabase()) {
                clocks.cpu += cpuPerWrite;
                pacing.charge(cpuPerWrite);
                writes++;
            }
        }
        assertThat(pacing.busy()).isTrue();
        // 1% of one core for 100 s is 1 s of CPU: about 55 writes of 18 ms, not the 1,000 an idle machine would take
        assertThat(writes).isBetween(50L, 65L);
    }

    @Test
    void theWritersOwnCpuDoesNotCountAsBusy() {
        FakeClocks clocks = new FakeClocks();
        WriterPacing pacing = new WriterPacing(clocks, 2);
        clocks.load = 0.9;   // the writer itself uses a whole core (half the machine) of it
        for (int i = 0; i < 20; i++) {
            clocks.advanceMillis(100);
            clocks.cpu += TimeUnit.MILLISECONDS.toNanos(100);
            assertThat(pacing.mayUseDatabase()).isTrue();
        }
        assertThat(pacing.busy()).isFalse();
    }

    @Test
    void withPressureFiguresTasksWaitingForACpuIsWhatCounts() {
        FakeClocks clocks = new FakeClocks();
        clocks.stallMicros = 0;
        WriterPacing pacing = new WriterPacing(clocks, 2);
        clocks.load = 1.0;   // full, but nobody waits: the writer may use what is there
        for (int i = 0; i < 5; i++) {
            clocks.advanceMillis(100);
            clocks.stallMicros += 5_000;   // 5% of the time
            assertThat(pacing.mayUseDatabase()).isTrue();
        }
        assertThat(pacing.busy()).isFalse();
        clocks.load = 0.6;   // the load looks fine, but tasks queue for the CPUs half of the time
        for (int i = 0; i < 5; i++) {
            clocks.advanceMillis(100);
            clocks.stallMicros += 50_000;
            pacing.mayUseDatabase();
        }
        assertThat(pacing.busy()).isTrue();
    }

    @Test
    void aMachineFilledByTheWriterAloneIsNotBusy() {
        FakeClocks clocks = new FakeClocks();
        WriterPacing pacing = new WriterPacing(clocks, 1);
        clocks.load = 1.0;   // one core, and the writer is all of it
        for (int i = 0; i < 10; i++) {
            clocks.advanceMillis(100);
            clocks.cpu += TimeUnit.MILLISECONDS.toNanos(98);
            assertThat(pacing.mayUseDatabase()).isTrue();
        }
        assertThat(pacing.busy()).isFalse();
    }

    @Test
    void aFullMachineIsBusyEvenWhileTheWriterTakesMuchOfIt() {
        FakeClocks clocks = new FakeClocks();
        WriterPacing pacing = new WriterPacing(clocks, 2);
        clocks.load = 1.0;   // the writer takes 40% of the machine, the request path the other 60%
        for (int i = 0; i < 5; i++) {
            clocks.advanceMillis(100);
            clocks.cpu += TimeUnit.MILLISECONDS.toNanos(80);
            pacing.mayUseDatabase();
        }
        assertThat(pacing.busy()).isTrue();
    }

    @Test
    void anUnknownLoadNeverHoldsTheWriterBack() {
        FakeClocks clocks = new FakeClocks();
        WriterPacing pacing = new WriterPacing(clocks, 2);
        clocks.load = -1;
        clocks.advanceMillis(500);
        assertThat(pacing.mayUseDatabase()).isTrue();
        assertThat(pacing.busy()).isFalse();
    }

    @Test
    void theRealClocksAnswer() {
        WriterPacing pacing = WriterPacing.forThisMachine();
        assertThat(pacing.mayUseDatabase()).isTrue();   // the first sample comes after 200 ms
        assertThat(pacing.threadCpuNanos()).isNotNegative();
    }
}
