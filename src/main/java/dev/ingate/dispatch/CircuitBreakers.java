package dev.ingate.dispatch;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One circuit per provider, shared by every event loop: after {@code failures} retryable failures in a row the
 * circuit opens and the provider is skipped for {@code cooldown}; then one request may try it (half-open), and
 * its success closes the circuit while a failure opens it again. A provider that is skipped is not called at all,
 * so a dead provider costs fallback traffic nothing.
 */
final class CircuitBreakers {

    /** Transitions worth telling someone about (logs now, webhooks later). */
    interface Listener {
        void opened(String provider, int failures);

        void closed(String provider);
    }

    private static final class Circuit {
        final AtomicInteger consecutiveFailures = new AtomicInteger();
        volatile long openUntil;
        volatile boolean open;
        final java.util.concurrent.atomic.AtomicBoolean trialTaken = new java.util.concurrent.atomic.AtomicBoolean();
    }

    private final ConcurrentHashMap<String, Circuit> circuits = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final Listener listener;

    CircuitBreakers(LongSupplier nanoClock, Listener listener) {
        this.clock = nanoClock;
        this.listener = listener;
    }

    /**
     * Whether a request may go to the provider now. While open: no. After the cooldown: yes for exactly one
     * request at a time (the trial), no for the others until the trial's outcome is known.
     */
    boolean allows(String provider, int failureThreshold) {
        if (failureThreshold <= 0) {
            return true;
        }
        Circuit circuit = circuits.get(provider);
        if (circuit == null || !circuit.open) {
            return true;
        }
        if (clock.getAsLong() - circuit.openUntil < 0) {
            return false;
        }
        return circuit.trialTaken.compareAndSet(false, true);
    }

    void succeeded(String provider) {
        Circuit circuit = circuits.get(provider);
        if (circuit == null) {
            return;
        }
        circuit.consecutiveFailures.set(0);
        if (circuit.open) {
            circuit.open = false;
            circuit.trialTaken.set(false);
            listener.closed(provider);
        }
    }

    void failed(String provider, int failureThreshold, long cooldownNanos) {
        if (failureThreshold <= 0) {
            return;
        }
        Circuit circuit = circuits.computeIfAbsent(provider, name -> new Circuit());
        int failures = circuit.consecutiveFailures.incrementAndGet();
        if (circuit.open) {
            // the half-open trial failed: another full cooldown
            circuit.openUntil = clock.getAsLong() + cooldownNanos;
            circuit.trialTaken.set(false);
        } else if (failures >= failureThreshold) {
            circuit.openUntil = clock.getAsLong() + cooldownNanos;
            circuit.trialTaken.set(false);
            circuit.open = true;
            listener.opened(provider, failures);
        }
    }
}
