package dev.ingate.observe.record;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the record writer off the CPU the request path needs. A database insert costs far more than a journal append
 * (SQLite, measured: ~18 µs of CPU a record with the filter indexes, against ~1.5 µs for a journal line), and on a
 * machine whose cores are all busy serving requests every microsecond the writer takes is a request not served.
 * So while the rest of the machine is saturated the writer may spend only a small budget of CPU on the database and
 * journals the other batches; the journal is replayed into the database once there is CPU to spare. On a machine
 * with room, nothing changes: every batch goes straight to the database.
 *
 * <p>Writer thread only.
 */
final class WriterPacing {

    /** What the pacing reads: the machine's CPU load, the writer thread's CPU time, the time. */
    interface Clocks {
        /** Recent CPU load of the whole machine (or container), 0 to 1; negative when unknown. */
        double machineLoad();

        long threadCpuNanos();

        long nanoTime();
    }

    /** Busy means: the machine minus the writer itself uses at least this share of every core. */
    static final double BUSY_LOAD = 0.85;
    /** While busy, the database gets at most this share of one core, e.g. 50 ms of CPU a second. */
    static final double BUSY_DB_SHARE = 0.05;
    private static final long SAMPLE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** The allowance saved up while busy never exceeds this much CPU time: no burst after a long wait. */
    private static final long MAX_ALLOWANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Clocks clocks;
    private final int cores;

    private boolean busy;
    private long lastSample;
    private long lastThreadCpu;
    private long allowance = MAX_ALLOWANCE_NANOS;
    private long allowanceAt;

    WriterPacing(Clocks clocks, int cores) {
        this.clocks = clocks;
        this.cores = Math.max(1, cores);
        this.lastSample = clocks.nanoTime();
        this.allowanceAt = lastSample;
        this.lastThreadCpu = clocks.threadCpuNanos();
    }

    /** Never busy: the database may always be used (its CPU is not even measured). */
    static WriterPacing unpaced() {
        return new WriterPacing(new Clocks() {
            @Override
            public double machineLoad() {
                return -1;
            }

            @Override
            public long threadCpuNanos() {
                return 0;
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }
        }, 1);
    }

    static WriterPacing forThisMachine() {
        return new WriterPacing(new SystemClocks(), Runtime.getRuntime().availableProcessors());
    }

    /** Whether the next database write (a live batch or a replay step) may run now. */
    boolean mayUseDatabase() {
        long now = clocks.nanoTime();
        if (now - lastSample >= SAMPLE_EVERY_NANOS) {
            sample(now);
        }
        if (!busy) {
            return true;
        }
        allowance = Math.min(MAX_ALLOWANCE_NANOS, allowance + (long) ((now - allowanceAt) * BUSY_DB_SHARE));
        allowanceAt = now;
        return allowance > 0;
    }

    /** Charges a database write that took {@code cpuNanos} of the writer thread's CPU. */
    void charge(long cpuNanos) {
        if (busy) {
            allowance -= cpuNanos;
        }
    }

    long threadCpuNanos() {
        return clocks.threadCpuNanos();
    }

    boolean busy() {
        return busy;
    }

    private void sample(long now) {
        double load = clocks.machineLoad();
        long cpu = clocks.threadCpuNanos();
        double ownShare = (cpu - lastThreadCpu) / ((double) (now - lastSample) * cores);
        lastSample = now;
        lastThreadCpu = cpu;
        boolean nowBusy = load >= 0 && load - ownShare >= BUSY_LOAD;
        if (nowBusy && !busy) {
            allowance = Math.min(allowance, MAX_ALLOWANCE_NANOS);
            allowanceAt = now;
        }
        busy = nowBusy;
    }

    /** The JVM's view of the machine: container-aware CPU load, and the current thread's CPU time. */
    private static final class SystemClocks implements Clocks {
        private final com.sun.management.OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final boolean threadCpu = threads.isCurrentThreadCpuTimeSupported();

        @Override
        public double machineLoad() {
            return os == null ? -1 : os.getCpuLoad();
        }

        @Override
        public long threadCpuNanos() {
            return threadCpu ? threads.getCurrentThreadCpuTime() : 0;
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    }
}
