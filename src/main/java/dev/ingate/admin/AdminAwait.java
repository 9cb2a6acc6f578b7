package dev.ingate.admin;

import io.vertx.core.Context;
import io.vertx.core.Future;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for an asynchronous answer (a ledger in Redis, a cache purge) on the admin worker thread: {@link AdminApi} runs
 * every resource off the event loops, so blocking here holds up no request. Bounded, so a stuck Redis fails the call.
 */
final class AdminAwait {

    private static final long TIMEOUT_SECONDS = 10;

    private AdminAwait() {
    }

    /** @param what names the work in the error, e.g. {@code "reading the budget"} */
    static <T> T result(Future<T> future, String what) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException(what + " would block an event loop");
        }
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " took longer than " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted");
        }
    }
}
