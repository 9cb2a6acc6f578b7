package dev.ingate.observe.record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads of the recorded requests and their usage rollups, for the admin API. Blocking. */
public interface RequestLog {

    /** Filters of {@code GET /api/v1/requests}; null means "any". */
    record Filter(String provider, String model, Integer status, String keyId, String sessionId, String user,
                  Instant since, Instant until) {
    }

    /** A page, newest first; {@code nextCursor} is null on the last page. */
    record Page(List<RequestRecord> records, String nextCursor) {
    }

    Page list(Filter filter, int limit, String cursor);

    Optional<RequestRecord> get(String id);

    /**
     * The captured bodies of request {@code id}, readable: compressed ones inflated (bounded), text as text, other
     * bytes base64 ({@link CapturedBody#encoding()} says which). Empty when none were captured or they were pruned.
     */
    Optional<RequestBodies> bodies(String id);

    enum GroupBy { PROVIDER, MODEL, KEY, USER, SESSION, DAY }

    record UsageRow(String group, long requests, long inputTokens, long outputTokens, long cachedInputTokens, java.math.BigDecimal costUsd) {
    }

    /** Sums from the rollups (never a scan of raw records); {@code since}/{@code until} at day granularity (UTC). */
    List<UsageRow> usage(GroupBy groupBy, Instant since, Instant until);
}
