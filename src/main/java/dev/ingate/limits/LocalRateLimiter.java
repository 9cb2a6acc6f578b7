package dev.ingate.limits;

import io.vertx.core.Future;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-process limiter: per scope the current minute's counters, shared by all event loops, updated with atomic
 * adds and undone when a later check refuses. Under a race an undo may briefly make a count look higher than it is,
 * which can only refuse a request too many, never let one too many through.
 */
final class LocalRateLimiter implements RateLimiter {

    /** One scope's counts for one minute; replaced, not reset, when the minute turns. */
    private record Window(long start, AtomicLong requests, AtomicLong tokens) {
        Window(long start) {
            this(start, new AtomicLong(), new AtomicLong());
        }
    }

    private final ConcurrentHashMap<String, AtomicReference<Window>> windows = new ConcurrentHashMap<>();

    @Override
    public Future<Admission> admit(List<RateScope> scopes, long windowStart, long tokens) {
        return Future.succeededFuture(admitNow(scopes, windowStart, tokens));
    }

    Admission admitNow(List<RateScope> scopes, long windowStart, long tokens) {
        int n = scopes.size();
        Window[] taken = new Window[n];
        long[] requests = new long[n];
        long[] counted = new long[n];
        for (int i = 0; i < n; i++) {
            RateScope scope = scopes.get(i);
            Window w = window(scope.id(), windowStart);
            long r = w.requests().incrementAndGet();
            long t = w.tokens().addAndGet(tokens);
            boolean overRequests = scope.rpm() > 0 && r > scope.rpm();
            boolean overTokens = scope.tpm() > 0 && t > scope.tpm();
            if (overRequests || overTokens) {
                w.requests().decrementAndGet();
                w.tokens().addAndGet(-tokens);
                for (int j = 0; j < i; j++) {
                    taken[j].requests().decrementAndGet();
                    taken[j].tokens().addAndGet(-tokens);
                }
                requests[i] = r - 1;
                counted[i] = t - tokens;
                return Admission.refused(i, !overRequests, windowStart, requests, counted, this);
            }
            taken[i] = w;
            requests[i] = r;
            counted[i] = t;
        }
        return Admission.allowed(windowStart, requests, counted, this);
    }

    @Override
    public void settle(List<RateScope> scopes, long windowStart, long delta) {
        if (delta == 0) {
            return;
        }
        for (RateScope scope : scopes) {
            AtomicReference<Window> ref = windows.get(scope.id());
            Window w = ref == null ? null : ref.get();
            if (w != null && w.start() == windowStart) {   // a past window is over: nothing to correct
                w.tokens().addAndGet(delta);
            }
        }
    }

    private Window window(String scope, long start) {
        AtomicReference<Window> ref = windows.computeIfAbsent(scope, s -> new AtomicReference<>(new Window(start)));
        while (true) {
            Window current = ref.get();
            if (current.start() >= start) {
                return current;   // a loop still in the previous minute counts into the new one: never into a closed one
            }
            Window next = new Window(start);
            if (ref.compareAndSet(current, next)) {
                return next;
            }
        }
    }
}
