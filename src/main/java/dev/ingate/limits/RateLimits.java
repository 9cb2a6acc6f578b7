package dev.ingate.limits;

import dev.ingate.config.LimitSettings;
import dev.ingate.estimate.AdmissionEstimate;
import dev.ingate.estimate.AdmissionEstimates;
import dev.ingate.keys.GatewayKey;
import dev.ingate.observe.Attributes;
import dev.ingate.observe.usage.UsageFacts;
import dev.ingate.pipeline.AttributeKey;
import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.ExchangeObserver;
import dev.ingate.pipeline.Handler;
import dev.ingate.pipeline.IngateError;
import dev.ingate.pipeline.Interceptor;
import dev.ingate.provider.Provider;
import dev.ingate.redis.SharedRedis;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests and tokens per minute, per gateway key (its own {@code rpm}/{@code tpm}, else the config's defaults) and
 * per provider (all keys together). A request is counted when it is admitted; its tokens are reserved at admission
 * (the prompt estimate plus the output it may produce) and corrected by the recorded usage when the exchange is
 * over ({@link #finished}), or released when there is none. Over a limit: 429 in the caller's envelope with
 * {@code Retry-After}; every response of a limited request carries the {@code x-ratelimit-*} headers.
 */
public final class RateLimits implements Interceptor, ExchangeObserver {

    private static final AttributeKey<Reservation> RESERVATION = new AttributeKey<>("rate-reservation");
    private static final String ESTIMATE_PATH = "/v1/estimate";

    private record Reservation(List<RateScope> scopes, Admission admission, long tokens, boolean exactEstimate) {
    }

    private final LimitSettings settings;
    private final RateLimiter limiter;
    private final AdmissionEstimates estimates;
    private final Map<String, RateScope> providerScopes;
    private final ConcurrentHashMap<String, KeyScope> keyScopes = new ConcurrentHashMap<>();

    private record KeyScope(GatewayKey key, RateScope scope) {
    }

    RateLimits(LimitSettings settings, RateLimiter limiter, AdmissionEstimates estimates) {
        this.settings = settings;
        this.limiter = limiter;
        this.estimates = estimates;
        this.providerScopes = providerScopes(settings);
    }

    /** Shared through Redis when there is one (falling back in-process while it is down), else in-process. */
    public static RateLimits create(LimitSettings settings, Optional<SharedRedis> redis, AdmissionEstimates estimates) {
        LocalRateLimiter local = new LocalRateLimiter();
        RateLimiter limiter = redis.<RateLimiter>map(r -> new FailoverRateLimiter(r, local)).orElse(local);
        return new RateLimits(settings, limiter, estimates);
    }

    @Override
    public void intercept(Exchange ex, Handler next) {
        List<RateScope> scopes = scopes(ex.key(), ex.provider());
        if (scopes.isEmpty() || ESTIMATE_PATH.equals(ex.request().path())) {
            next.handle(ex);
            return;
        }
        boolean countsTokens = countsTokens(scopes);
        Future<AdmissionEstimate> estimate = countsTokens ? estimates.of(ex) : Future.succeededFuture(AdmissionEstimate.NONE);
        long windowStart = RateWindows.start(System.currentTimeMillis());
        Context loop = Vertx.currentContext();
        Future<Reservation> admission = admit(estimate, scopes, windowStart);
        if (admission.isComplete()) {   // in-process limiter and a small body: no hand-off, no callbacks
            decide(ex, next, admission, scopes, windowStart, loop);
        } else {
            admission.onComplete(done -> onLoop(loop, () -> decide(ex, next, done, scopes, windowStart, loop)));
        }
    }

    private void decide(Exchange ex, Handler next, AsyncResult<Reservation> done, List<RateScope> scopes, long windowStart, Context loop) {
        if (done.failed()) {   // a limiter does not fail (Redis falls back); if one did, limits must not stop traffic
            next.handle(ex);
        } else if (refusedByABound(done.result())) {
            recount(ex, next, scopes, windowStart, loop);
        } else {
            admitted(ex, next, done.result());
        }
    }

    private Future<Reservation> admit(Future<AdmissionEstimate> estimate, List<RateScope> scopes, long windowStart) {
        if (estimate.succeeded()) {
            return admit(estimate.result(), scopes, windowStart);
        }
        return estimate.compose(e -> admit(e, scopes, windowStart));
    }

    private Future<Reservation> admit(AdmissionEstimate estimate, List<RateScope> scopes, long windowStart) {
        return limiter.admit(scopes, windowStart, estimate.tokens()).map(a -> new Reservation(scopes, a, estimate.tokens(), estimate.exact()));
    }

    /** Refused for tokens on an upper bound of the prompt: the exact count may still fit. */
    private static boolean refusedByABound(Reservation reservation) {
        return !reservation.admission().allowed() && reservation.admission().byTokens() && !reservation.exactEstimate();
    }

    private void recount(Exchange ex, Handler next, List<RateScope> scopes, long windowStart, Context loop) {
        admit(estimates.exactOf(ex), scopes, windowStart).onComplete(done -> onLoop(loop, () -> {
            if (done.failed()) {
                next.handle(ex);
            } else {
                admitted(ex, next, done.result());
            }
        }));
    }

    private void admitted(Exchange ex, Handler next, Reservation reservation) {
        Admission a = reservation.admission();
        int shown = a.shownScope();
        RateScope scope = reservation.scopes().get(shown);
        long secondsLeft = RateWindows.secondsLeft(a.windowStartMillis(), System.currentTimeMillis());
        RateHeaders.set(ex.response().headers(), scope, a.requests()[shown], a.tokens()[shown], secondsLeft);
        if (a.allowed()) {
            ex.attribute(RESERVATION, reservation);
            next.handle(ex);
            return;
        }
        ex.response().headers().set("Retry-After", String.valueOf(secondsLeft));
        ex.fail(refusal(scope, a.byTokens(), ex.key(), secondsLeft));
    }

    /** Settles the token reservation of a finished exchange with its recorded usage. */
    @Override
    public void finished(Exchange ex) {
        Reservation reservation = ex.attribute(RESERVATION);
        if (reservation == null || !countsTokens(reservation.scopes())) {
            return;
        }
        UsageFacts usage = ex.attribute(Attributes.USAGE);
        long used = usage != null && usage.found() ? usage.inputTokens() + usage.outputTokens() : 0;
        reservation.admission().counter().settle(reservation.scopes(), reservation.admission().windowStartMillis(),
                used - reservation.tokens());
    }

    /** The key's scope first (it is what the headers describe), then the provider's. */
    List<RateScope> scopes(GatewayKey key, Provider provider) {
        RateScope byKey = key == null ? null : keyScope(key);
        RateScope byProvider = provider == null ? null : providerScopes.get(provider.name());
        if (byKey == null) {
            return byProvider == null ? List.of() : List.of(byProvider);
        }
        return byProvider == null ? List.of(byKey) : List.of(byKey, byProvider);
    }

    /** Worked out once per key object (a key changed by the admin API is a new one); null when it is not limited. */
    private RateScope keyScope(GatewayKey key) {
        KeyScope known = keyScopes.get(key.id());
        if (known == null || known.key() != key) {
            long rpm = key.limits().rpm() > 0 ? key.limits().rpm() : settings.rpm();
            long tpm = key.limits().tpm() > 0 ? key.limits().tpm() : settings.tpm();
            known = new KeyScope(key, rpm > 0 || tpm > 0 ? new RateScope("key:" + key.id(), rpm, tpm) : null);
            keyScopes.put(key.id(), known);
        }
        return known.scope();
    }

    private static Map<String, RateScope> providerScopes(LimitSettings settings) {
        Map<String, RateScope> scopes = new HashMap<>();
        settings.providers().forEach((name, rate) -> {
            if (rate.rpm() > 0 || rate.tpm() > 0) {
                scopes.put(name, new RateScope("provider:" + name, rate.rpm(), rate.tpm()));
            }
        });
        return Map.copyOf(scopes);
    }

    private static IngateError refusal(RateScope scope, boolean byTokens, GatewayKey key, long secondsLeft) {
        String who = scope.id().startsWith("provider:")
                ? "provider '" + scope.id().substring("provider:".length()) + "'"
                : "gateway key '" + (key == null ? "?" : key.name()) + "'";
        String what = byTokens ? scope.tpm() + " tokens per minute" : scope.rpm() + " requests per minute";
        return new IngateError(IngateError.Kind.RATE_LIMITED, "rate_limit_exceeded",
                "Rate limit reached for " + who + ": " + what + ". Try again in " + secondsLeft + "s.");
    }

    private static boolean countsTokens(List<RateScope> scopes) {
        for (RateScope scope : scopes) {
            if (scope.limitsTokens()) {
                return true;
            }
        }
        return false;
    }

    /** Redis answers on its own connection's loop; the exchange belongs to its own. */
    static void onLoop(Context loop, Runnable action) {
        if (loop == null || Vertx.currentContext() == loop) {
            action.run();
        } else {
            loop.runOnContext(v -> action.run());
        }
    }
}
