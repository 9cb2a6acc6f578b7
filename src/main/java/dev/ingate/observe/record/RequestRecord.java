package dev.ingate.observe.record;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One proxied request as SPEC section 6 lists it, made once when the exchange is over. Nullable
 * fields are null when unknown (no key on a 401, no usage on a failure, no TTFT when not streamed).
 *
 * @param inputTokens       all prompt tokens, cached ones included
 * @param cachedInputTokens the part of {@code inputTokens} read from the provider's cache
 * @param costUsd           null when the model has no known price
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
        String error) {
}
