package dev.ingate.cache;

import dev.ingate.dispatch.AnswerTap;
import dev.ingate.observe.Attributes;
import dev.ingate.pipeline.BodyTree;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.Interceptor;
import dev.ingate.pipeline.WireHeaders;
import dev.ingate.route.Plan;
import dev.ingate.route.Target;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The response cache on the request path, after the checks that may refuse a request (so a hit is never a way
 * around a limit or a guardrail) and before anything is spent upstream. A hit is answered here; a miss goes on with
 * an {@link AnswerTap} that stores the answer the client gets. {@code X-Ingate-Cache} goes on every answer of a
 * request the cache is in play for. One per event loop; the store behind it is shared.
 */
public final class CacheInterceptor implements Interceptor {

    /** Parsing and hashing a body this large would hold the event loop too long: a worker does it. */
    static final int OFF_LOOP_BYTES = 256 * 1024;

    private final Vertx vertx;
    private final ResponseCache cache;

    public CacheInterceptor(Vertx vertx, ResponseCache cache) {
        this.vertx = vertx;
        this.cache = cache;
    }

    @Override
    public void intercept(Exchange ex, Handler next) {
        if (!CacheablePaths.cacheable(ex.request()) || ex.body() == null) {
            next.handle(ex);
            return;
        }
        CacheControl control = CacheControl.of(ex.request(), cache.settings());
        if (control == CacheControl.OFF) {
            next.handle(ex);
            return;
        }
        if (!control.read() && !control.store()) {   // no-store: nothing to look up or keep, no key needed
            mark(ex, CacheStatus.BYPASS);
            next.handle(ex);
            return;
        }
        CacheKey.Target target = target(ex);
        if (ex.body().length() <= OFF_LOOP_BYTES) {
            keyed(ex, next, control, CacheKey.of(target, BodyTree.of(ex)));
            return;
        }
        byte[] body = ex.body().getBytes();
        Context loop = vertx.getOrCreateContext();
        vertx.executeBlocking(() -> CacheKey.of(target, body), false)
                .onComplete(done -> onLoop(loop, () -> keyed(ex, next, control, done.succeeded() ? done.result() : null)));
    }

    private void keyed(Exchange ex, Handler next, CacheControl control, String key) {
        if (ex.clientGone()) {
            return;
        }
        if (key == null) {   // not a JSON body after all: not cached
            next.handle(ex);
            return;
        }
        if (!control.read()) {   // no-cache: a refresh
            mark(ex, CacheStatus.BYPASS);
            fill(ex, control, key);
            next.handle(ex);
            return;
        }
        Future<CachedAnswer> lookup = cache.store().get(key);
        if (lookup.isComplete()) {   // the in-memory store answers at once
            looked(ex, next, control, key, lookup.succeeded() ? lookup.result() : null);
            return;
        }
        Context loop = vertx.getOrCreateContext();
        lookup.onComplete(found -> onLoop(loop, () -> looked(ex, next, control, key, found.succeeded() ? found.result() : null)));
    }

    private void looked(Exchange ex, Handler next, CacheControl control, String key, CachedAnswer hit) {
        if (ex.clientGone()) {
            return;
        }
        if (hit != null) {
            Replay.answer(ex, hit, cache.savedUsd(hit, ex.model()));
            return;
        }
        mark(ex, CacheStatus.MISS);
        fill(ex, control, key);
        next.handle(ex);
    }

    private void fill(Exchange ex, CacheControl control, String key) {
        if (control.store()) {
            ex.attribute(AnswerTap.KEY, new CacheFill(cache.store(), key, control.ttl(), cache.settings().maxEntryBytes()));
        }
    }

    /** Set before the answer's head exists, so it goes out on the upstream's answer and on Ingate's own errors alike. */
    private static void mark(Exchange ex, String status) {
        ex.attribute(Attributes.CACHE, status);
        ex.response().headers().set(CacheStatus.WIRE_HEADER, WireHeaders.ascii(status));
    }

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    /**
     * The reader: the gateway key unless the cache is global, named by its secret's hash rather than its id, which is
     * the same on every instance only when they share one database. The target: the provider and model the request
     * resolved to; for a routed model, the route's name, since any of its targets is an answer to it.
     */
    private CacheKey.Target target(Exchange ex) {
        String reader = cache.settings().shared() ? "*" : ex.key() == null ? "anonymous" : "key:" + HEX.formatHex(ex.key().hash());
        Plan plan = ex.attribute(Plan.KEY);
        String provider;
        String model;
        if (plan != null && plan.primary().origin() == Target.Origin.ROUTE) {
            provider = "route";
            model = ex.model();
        } else if (plan != null) {
            provider = plan.primary().provider().name();
            model = plan.primary().modelOr(ex.model());
        } else {
            provider = ex.provider() == null ? "" : ex.provider().name();
            model = ex.model();
        }
        return new CacheKey.Target(reader, CacheablePaths.pathAndQuery(ex.request()), provider, model);
    }

    /** Store callbacks may come back on another thread (Redis's connection, a worker): the exchange lives on its loop. */
    private static void onLoop(Context loop, Runnable work) {
        if (Vertx.currentContext() == loop) {
            work.run();
        } else {
            loop.runOnContext(v -> work.run());
        }
    }
}
