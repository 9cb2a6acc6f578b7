package dev.ingate.route;

import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast each (provider, upstream model) answers: an exponentially weighted moving average of the time to the
 * response head, for {@link dev.ingate.config.RouteStrategy#LOWEST_LATENCY}. Shared by every event loop: reads and
 * updates are a map lookup and a compare-and-set, never a lock, and allocate nothing once a pair is known.
 *
 * <p>Alpha 0.2: the last sample weighs a fifth, the last ten together about 90%. A provider that turns slow loses
 * its place within a handful of requests, while one slow outlier moves the average by only a fifth of its excess.
 * Per-request latencies of LLM APIs vary by factors of two or more, so a larger alpha would reorder targets on noise.
 */
public final class LatencyTracker {

    static final double ALPHA = 0.2;
    /** Models come from clients when a target keeps the requested model: beyond this many per provider, new ones are not tracked. */
    static final int MAX_MODELS_PER_PROVIDER = 1024;

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Average>> byProvider = new ConcurrentHashMap<>();

    /** One sample: {@code nanos} from sending the request to the response head, of an attempt that got one. */
    public void record(String provider, String model, long nanos) {
        if (nanos < 0 || provider == null || model == null) {
            return;
        }
        ConcurrentHashMap<String, Average> models = byProvider.get(provider);
        if (models == null) {
            models = byProvider.computeIfAbsent(provider, p -> new ConcurrentHashMap<>());
        }
        Average average = models.get(model);
        if (average == null) {
            if (models.size() >= MAX_MODELS_PER_PROVIDER) {
                return;
            }
            average = models.computeIfAbsent(model, m -> new Average());
        }
        average.add(nanos);
    }

    /** The moving average in nanoseconds, or empty when this pair was never measured. */
    public OptionalDouble averageNanos(String provider, String model) {
        double average = averageOrNaN(provider, model);
        return Double.isNaN(average) ? OptionalDouble.empty() : OptionalDouble.of(average);
    }

    /** {@link #averageNanos} without the wrapper, for the planner's per-request loop. */
    double averageOrNaN(String provider, String model) {
        ConcurrentHashMap<String, Average> models = byProvider.get(provider);
        Average average = models == null || model == null ? null : models.get(model);
        return average == null ? Double.NaN : average.value();
    }

    /** A double in an AtomicLong's bits: NaN until the first sample, which is taken as it is. */
    private static final class Average {
        private final AtomicLong bits = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));

        void add(long sample) {
            while (true) {
                long current = bits.get();
                double old = Double.longBitsToDouble(current);
                double next = Double.isNaN(old) ? sample : old + ALPHA * (sample - old);
                if (bits.compareAndSet(current, Double.doubleToRawLongBits(next))) {
                    return;
                }
            }
        }

        double value() {
            return Double.longBitsToDouble(bits.get());
        }
    }
}
