package dev.ingate.dispatch;

import dev.ingate.pipeline.Exchange;
import dev.ingate.pipeline.IngateError;
import dev.ingate.route.Plan;
import dev.ingate.route.Target;
import dev.ingate.translate.TranslationException;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One request's way through its plan (SPEC section 3): the primary, retried on the same provider as the policy
 * allows, then each fallback in turn, while the outcome is retryable and nothing has reached the client. The
 * last attempt's answer, whatever it is, goes to the client; with no answer at all it gets 502 or 504.
 */
final class AttemptRun implements AttemptOwner {

    private final Dispatcher dispatcher;
    private final Exchange ex;
    private final List<Target> targets;
    private final FailurePolicy policy;
    private final RequestPreparer preparer;
    private int index;
    private int retriesOnTarget;
    private PreparedRequest prepared;
    /** Why the first target that could not take the request could not, for the error when none could. */
    private String unservable;
    private UpstreamCall current;
    private long retryTimer = -1;
    private boolean over;

    AttemptRun(Dispatcher dispatcher, Exchange ex, Plan plan, FailurePolicy policy) {
        this.dispatcher = dispatcher;
        this.ex = ex;
        this.targets = plan.targets();
        this.policy = policy;
        this.preparer = new RequestPreparer(dispatcher.codecs(), dispatcher.prices(), ex);
    }

    void start() {
        ex.onClientGone(this::cancel);
        index = -1;
        advanceAndLaunch();
    }

    @Override
    public boolean moveOn(int status, String retryAfter) {
        dispatcher.breakers().failed(target().provider().name(), policy.breakerFailures(), policy.breakerCooldown().toNanos());
        return tryAgain(retryAfter);
    }

    @Override
    public void answered(int status, long nanos) {
        if (RetryPolicy.retryableStatus(status)) {
            dispatcher.breakers().failed(target().provider().name(), policy.breakerFailures(), policy.breakerCooldown().toNanos());
            return;
        }
        dispatcher.breakers().succeeded(target().provider().name());
        if (status < 400) {
            dispatcher.answered(target(), ex.model(), nanos);
        }
    }

    @Override
    public void failed(IngateError error) {
        dispatcher.breakers().failed(target().provider().name(), policy.breakerFailures(), policy.breakerCooldown().toNanos());
        if (!tryAgain(null)) {
            over = true;
            ex.fail(error);
        }
    }

    /** Schedules the next attempt (same provider after a wait, or the next target); false when there is none. */
    private boolean tryAgain(String retryAfter) {
        if (over || ex.clientGone()) {
            return false;
        }
        if (retriesOnTarget < policy.retry().maxRetries()) {
            long delay = policy.retry().delayMillis(retriesOnTarget + 1, retryAfter, ThreadLocalRandom.current(), Instant.now());
            if (delay >= 0) {
                retriesOnTarget++;
                if (delay == 0) {
                    launch();
                } else {
                    retryTimer = dispatcher.vertx().setTimer(delay, id -> {
                        retryTimer = -1;
                        launch();
                    });
                }
                return true;
            }
        }
        if (!hasUsableTargetAfter(index)) {
            return false;
        }
        advanceAndLaunch();
        return true;
    }

    /**
     * Moves {@link #index} to the next target that can take the request (a closed circuit, unless it is the last
     * hope, and a shape the request can be sent in) and launches it; answers the client when none is left. A large
     * body to translate is prepared on a worker thread: decoding and encoding megabytes of base64 images would
     * stall every other request on this event loop.
     */
    private void advanceAndLaunch() {
        while (++index < targets.size()) {
            Target target = targets.get(index);
            retriesOnTarget = 0;
            boolean lastHope = !hasUsableTargetAfter(index);
            if (!lastHope && !dispatcher.breakers().allows(target.provider().name(), policy.breakerFailures())) {
                continue;
            }
            if (preparer.isHeavy(target)) {
                dispatcher.vertx().executeBlocking(() -> preparer.prepare(target), false).onComplete(done -> {
                    if (done.failed()) {
                        refuse(done.cause());
                    } else if (!launchPrepared(done.result())) {
                        advanceAndLaunch();
                    }
                });
                return;
            }
            try {
                if (launchPrepared(preparer.prepare(target))) {
                    return;
                }
            } catch (RuntimeException e) {
                refuse(e);
                return;
            }
        }
        over = true;
        ex.fail(IngateError.noServableTarget(unservable == null ? "no provider could take the request" : unservable));
    }

    /** Launches the prepared request; false when the target could not take it (the reason is kept). */
    private boolean launchPrepared(RequestPreparer.Outcome outcome) {
        if (outcome.request() == null) {
            unservable = unservable == null ? outcome.unservable() : unservable;
            return false;
        }
        prepared = outcome.request();
        launch();
        return true;
    }

    /** The caller's body cannot be translated: that is the caller's error, whatever happened upstream before. */
    private void refuse(Throwable cause) {
        over = true;
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        ex.fail(cause instanceof TranslationException ? IngateError.untranslatable(detail)
                : IngateError.untranslatable("the request could not be prepared: " + detail));
    }

    /** Whether any target after {@code position} could be tried at all (its circuit aside). */
    private boolean hasUsableTargetAfter(int position) {
        for (int i = position + 1; i < targets.size(); i++) {
            if (preparer.canServe(targets.get(i))) {
                return true;
            }
        }
        return false;
    }

    private void launch() {
        if (over || ex.clientGone()) {
            return;
        }
        Target target = target();
        ex.provider(target.provider());
        current = new UpstreamCall(dispatcher.clients(), dispatcher.deadlines(), ex, target.provider(), prepared, this);
        current.start();
    }

    private Target target() {
        return targets.get(index);
    }

    private void cancel() {
        over = true;
        if (retryTimer >= 0) {
            dispatcher.vertx().cancelTimer(retryTimer);
            retryTimer = -1;
        }
        if (current != null) {
            current.cancel();
        }
    }
}
