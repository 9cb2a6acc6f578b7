package dev.ingate.observe.record;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** What the pacing reads: how contended the CPUs are, the writer thread's CPU time, the time. */
    interface Clocks {
        /**
         * Microseconds, summed since boot, in which some runnable task waited for a CPU (Linux pressure stall
         * information, {@code /proc/pressure/cpu}); negative when the kernel does not say.
         */
        long cpuStallMicros();

        /** Recent CPU load of the whole machine (or container), 0 to 1; negative when unknown. */
        double machineLoad();

        long threadCpuNanos();

        long nanoTime();
    }

    /**
     * Busy means: tasks waited for a CPU at least this share of the time. Waiting is the very thing the writer must
     * not cause, and unlike the load it does not drop when the writer itself takes the CPU others wanted.
     */
    static final double BUSY_STALL = 0.20;
    /** Without stall figures: busy when the others use this share of every core, or the CPUs are all but full. */
    static final double BUSY_LOAD = 0.85;
    static final double FULL_LOAD = 0.95;
    /** ... and not by the writer alone: a full machine counts as busy only when the others use this much of it. */
    static final double OTHERS_WHEN_FULL = 0.25;
    /**
     * While busy, the database gets at most this share of one core, 10 ms of CPU a second: some 500 SQLite records a
     * second, so the request log still moves during a long saturation, at a cost the request path does not feel
     * (bench: 3% of a core was still 0.9 µs of every request at 35,000 requests/s). The journal takes the rest.
     */
    static final double BUSY_DB_SHARE = 0.01;
    private static final long SAMPLE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** The allowance saved up while busy never exceeds this much CPU time: no burst after a long wait. */
    private static final long MAX_ALLOWANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Clocks clocks;
    private final int cores;

    private boolean busy;
    private long lastSample;
    private long lastThreadCpu;
    private long lastStall;
    private long allowance = MAX_ALLOWANCE_NANOS;
    private long allowanceAt;

    WriterPacing(Clocks clocks, int cores) {
        this.clocks = clocks;
        this.cores = Math.max(1, cores);
        this.lastSample = clocks.nanoTime();
        this.allowanceAt = lastSample;
        this.lastThreadCpu = clocks.threadCpuNanos();
        this.lastStall = clocks.cpuStallMicros();
    }

    /** Never busy: the database may always be used (its CPU is not even measured). */
    static WriterPacing unpaced() {
        return new WriterPacing(new Clocks() {
            @Override
            public long cpuStallMicros() {
                return -1;
            }

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
        long elapsed = now - lastSample;
        long cpu = clocks.threadCpuNanos();
        long stall = clocks.cpuStallMicros();
        boolean nowBusy;
        if (stall >= 0 && lastStall >= 0) {
            nowBusy = (stall - lastStall) * 1000.0 / elapsed >= BUSY_STALL;
        } else {
            double load = clocks.machineLoad();
            double others = load - (cpu - lastThreadCpu) / ((double) elapsed * cores);
            nowBusy = load >= 0 && (others >= BUSY_LOAD || (load >= FULL_LOAD && others >= OTHERS_WHEN_FULL));
        }
        lastSample = now;
        lastThreadCpu = cpu;
        lastStall = stall;
        if (nowBusy && !busy) {
            allowance = Math.min(allowance, MAX_ALLOWANCE_NANOS);
            allowanceAt = now;
        }
        busy = nowBusy;
    }

    /** The kernel's and the JVM's view of the machine: CPU pressure, container-aware load, the thread's CPU time. */
    private static final class SystemClocks implements Clocks {
        private static final Path PRESSURE = Path.of("/proc/pressure/cpu");
        private boolean pressureReadable = Files.isReadable(PRESSURE);
        private final com.sun.management.OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final boolean threadCpu = threads.isCurrentThreadCpuTimeSupported();

        @Override
        public double machineLoad() {
            return os == null ? -1 : os.getCpuLoad();
        }

        /** The "some" line's total: {@code some avg10=0.36 avg60=17.23 avg300=23.27 total=838697108}. */
        @Override
        public long cpuStallMicros() {
            if (!pressureReadable) {
                return -1;
            }
            try {
                String text = Files.readString(PRESSURE);
                int at = text.indexOf("total=");
                int end = at < 0 ? -1 : text.indexOf('\n', at);
                return at < 0 ? -1 : Long.parseLong(text.substring(at + 6, end < 0 ? text.length() : end).strip());
            } catch (IOException | RuntimeException e) {
                pressureReadable = false;   // not there, or not as documented: the load figures will do
                return -1;
            }
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
