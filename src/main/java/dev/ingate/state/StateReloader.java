package dev.ingate.state;

import dev.ingate.keys.GatewayKey;
import dev.ingate.keys.KeyStore;
import dev.ingate.pipeline.GatewayState;
import dev.ingate.store.ChangeFeed;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Keeps the request path's snapshot current, on one background thread: polls the shared change
 * counter (another instance's admin change shows up within a poll), rebuilds on change, writes keys'
 * last-used times in batches, and checks the database for /health. The event loops only read.
 */
public final class StateReloader implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StateReloader.class.getName());
    static final long POLL_MILLIS = 250;
    static final long TOUCH_MILLIS = 5_000;
    static final long HEALTH_MILLIS = 2_000;

    private final AtomicReference<GatewayState> state;
    private final StateBuilder builder;
    private final ChangeFeed changes;
    private final KeyStore keys;
    private final BooleanSupplier databasePing;
    private final ScheduledExecutorService thread;
    /** Its own thread: a change poll stuck on an unreachable database must not keep /health saying "up". */
    private final ScheduledExecutorService healthThread;
    private final Map<String, Long> touched = new HashMap<>();
    private long seenVersion;
    private volatile boolean databaseUp = true;
    private volatile Runnable afterLocalChange = () -> { };

    public StateReloader(StateBuilder builder, ChangeFeed changes, KeyStore keys, BooleanSupplier databasePing) {
        this.builder = builder;
        this.changes = changes;
        this.keys = keys;
        this.databasePing = databasePing;
        this.seenVersion = changes.version();
        this.state = new AtomicReference<>(builder.build());
        this.thread = daemon("ingate-state");
        this.healthThread = daemon("ingate-health");
    }

    public void start() {
        thread.scheduleWithFixedDelay(guarded(this::pollChanges), POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(guarded(this::flushLastUse), TOUCH_MILLIS, TOUCH_MILLIS, TimeUnit.MILLISECONDS);
        healthThread.scheduleWithFixedDelay(() -> databaseUp = databasePing.getAsBoolean(), HEALTH_MILLIS, HEALTH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public GatewayState current() {
        return state.get();
    }

    public boolean databaseUp() {
        return databaseUp;
    }

    /** An admin change on this instance: tell the others, and rebuild here before the caller answers. */
    public synchronized void changed() {
        changes.bump();
        rebuild();
        afterLocalChange.run();
    }

    /** Also run after each change made here: tells the other instances at once (Redis), beside the counter. */
    public void afterLocalChange(Runnable action) {
        this.afterLocalChange = action;
    }

    /** Another instance says it changed something: look at the change counter now instead of at the next poll. */
    public void refreshSoon() {
        thread.execute(guarded(this::pollChanges));
    }

    private synchronized void pollChanges() {
        if (changes.version() != seenVersion) {
            rebuild();
        }
    }

    private synchronized void rebuild() {
        flushLastUse();
        seenVersion = changes.version();
        state.set(builder.build());
    }

    private synchronized void flushLastUse() {
        Map<String, Instant> batch = new HashMap<>();
        for (GatewayKey key : state.get().keyring().keys()) {
            long used = key.lastUse().millis();
            if (used > 0 && used != touched.getOrDefault(key.id(), 0L)) {
                batch.put(key.id(), Instant.ofEpochMilli(used));
                touched.put(key.id(), used);
            }
        }
        if (!batch.isEmpty()) {
            keys.touch(batch);
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "state refresh failed, will retry: {0}", e.getMessage());
            }
        };
    }

    @Override
    public void close() {
        thread.shutdownNow();
        healthThread.shutdownNow();
        try {
            flushLastUse();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "last-used times not written at shutdown: {0}", e.getMessage());
        }
    }
}
