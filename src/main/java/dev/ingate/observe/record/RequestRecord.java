package dev.ingate.observe.record;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One proxied request as SPEC section 6 lists it, made once when the exchange is over. Nullable
 * fields are null when unknown (no key on a 401, no usage on a failure, no TTFT when not streamed).
 *
 * @param inputTokens       all prompt tokens, cached ones included
 * @param cachedInputTokens the part of {@code inputTokens} read from the provider's cache
 * @param costUsd           null when the model has no known price; 0 for an answer from the response cache
 * @param cache             the response cache's verdict: HIT, MISS, BYPASS; null when the cache was not in play
 * @param savedUsd          on a cache hit, what the answer would have cost from its provider; null otherwise
 * @param bodies            the captured bodies, when {@code recording.capture_bodies} is on; null otherwise and
 *                          whenever the record is read back from the {@code requests} table (the list stays slim)
 */
public record RequestRecord(
        String id,
        Instant createdAt,
        String keyId,
        String keyName,
        String provider,
        String servedBy,
        String model,
        String servedModel,
        String path,
        int status,
        int attempts,
        long latencyMs,
        Long ttftMs,
        double overheadMs,
        Long inputTokens,
        Long outputTokens,
        Long cachedInputTokens,
        BigDecimal costUsd,
        String sessionId,
        String user,
        String cache,
        String error,
        BigDecimal savedUsd,
        @JsonInclude(JsonInclude.Include.NON_NULL) RequestBodies bodies) {

    /** A record without captured bodies. */
    public RequestRecord(String id, Instant createdAt, String keyId, String keyName, String provider, String servedBy,
                         String model, String servedModel, String path, int status, int attempts, long latencyMs,
                         Long ttftMs, double overheadMs, Long inputTokens, Long outputTokens, Long cachedInputTokens,
                         BigDecimal costUsd, String sessionId, String user, String cache, String error) {
        this(id, createdAt, keyId, keyName, provider, servedBy, model, servedModel, path, status, attempts, latencyMs,
                ttftMs, overheadMs, inputTokens, outputTokens, cachedInputTokens, costUsd, sessionId, user, cache, error, null, null);
    }

    /** A record with captured bodies and no saving. */
    public RequestRecord(String id, Instant createdAt, String keyId, String keyName, String provider, String servedBy,
                         String model, String servedModel, String path, int status, int attempts, long latencyMs,
                         Long ttftMs, double overheadMs, Long inputTokens, Long outputTokens, Long cachedInputTokens,
                         BigDecimal costUsd, String sessionId, String user, String cache, String error, RequestBodies bodies) {
        this(id, createdAt, keyId, keyName, provider, servedBy, model, servedModel, path, status, attempts, latencyMs,
                ttftMs, overheadMs, inputTokens, outputTokens, cachedInputTokens, costUsd, sessionId, user, cache, error, null, bodies);
    }

    /** This record without its bodies: what reading it back from the {@code requests} table gives. */
    public RequestRecord withoutBodies() {
        return bodies == null ? this : new RequestRecord(id, createdAt, keyId, keyName, provider, servedBy, model,
                servedModel, path, status, attempts, latencyMs, ttftMs, overheadMs, inputTokens, outputTokens,
                cachedInputTokens, costUsd, sessionId, user, cache, error, savedUsd, null);
    }
}
