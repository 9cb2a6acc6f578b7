package dev.ingate.pipeline;

/**
 * One concern on the way to the upstream. An interceptor either answers the exchange itself
 * ({@link Exchange#fail}, a cache hit) or calls {@code next}, now or later (after async work).
 */
@FunctionalInterface
public interface Interceptor {
    void intercept(Exchange ex, Handler next);
}
