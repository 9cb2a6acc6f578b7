package dev.ingate.observe.record;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a saturated machine the writer journals what its small CPU budget cannot write, and once the machine has room
 * the journal is replayed: every record arrives, once.
 */
class PacedWriterTest extends RecordTestBase {

    /** A machine whose load the test sets; the writer's CPU is what the real thread uses. */
    private static final class Machine implements WriterPacing.Clocks {
        volatile double load = 1.0;

        @Override
        public long cpuStallMicros() {
            return -1;   // the load decides here
        }

        @Override
        public double machineLoad() {
            return load;
        }

        @Override
        public long threadCpuNanos() {
            return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    }

    @Test
    void aBusyMachineGetsTheJournalAndTheDatabaseCatchesUpLater() throws Exception {
        Machine machine = new Machine();
        List<RequestRecord> records = Records.run(7, 0, 30_000);
        RecordWriter.Settings settings = settings(50_000, 1_000, 40_000, Duration.ofSeconds(5));
        try (RecordWriter writer = RecordWriter.start(database.dataSource(), database.dialect(), dataDir, settings,
                new WriterPacing(machine, 2))) {
            TimeUnit.MILLISECONDS.sleep(250);   // the first load sample: busy from here on
            writer.submit(records.getFirst());
            Records.await("the first record handled", Duration.ofSeconds(10), () -> writer.queueDepth() == 0);
            for (RequestRecord r : records.subList(1, records.size())) {
                assertThat(writer.submit(r)).isTrue();
            }
            Records.await("the queue drained", Duration.ofSeconds(30), () -> writer.queueDepth() == 0);
            assertThat(writer.spilled()).as("journaled while busy").isPositive();
            assertThat(writer.written()).as("written while busy").isLessThan(records.size());

            machine.load = 0.1;
            Records.await("every record stored", Duration.ofSeconds(60),
                    () -> writer.written() + writer.replayed() == records.size() && journalEmpty());
            assertThat(writer.lost()).isZero();
        }
        assertStoredExactly(records);
    }
}
