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
        if (!advance()) {
            return;
        }
        launch();
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
        int from = index;
        if (!hasUsableTargetAfter(from)) {
            return false;
        }
        if (!advance()) {
            return true;   // advance() has answered the client
        }
        launch();
        return true;
    }

    /**
     * Moves {@link #index} to the next target that can take the request: a closed circuit (unless it is the
     * last hope) and a shape the request can be sent in. False, with the client answered, when none is left.
     */
    private boolean advance() {
        String unservable = null;
        while (++index < targets.size()) {
            Target target = targets.get(index);
            retriesOnTarget = 0;
            boolean lastHope = !hasUsableTargetAfter(index);
            if (!lastHope && !dispatcher.breakers().allows(target.provider().name(), policy.breakerFailures())) {
                continue;
            }
            RequestPreparer.Outcome outcome;
            try {
                outcome = preparer.prepare(target);
            } catch (TranslationException e) {
                over = true;
                ex.fail(IngateError.untranslatable(e.getMessage()));
                return false;
            }
            if (outcome.request() != null) {
                prepared = outcome.request();
                return true;
            }
            unservable = unservable == null ? outcome.unservable() : unservable;
        }
        over = true;
        ex.fail(IngateError.noServableTarget(unservable == null ? "no provider could take the request" : unservable));
        return false;
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
