package dev.ingate.audit;

import java.time.Instant;
import java.util.List;

/** The audit log, persisted: appended to, read newest first, never changed. Blocking: never call on an event loop. */
public interface AuditLog {

    void append(AuditEntry entry);

    /**
     * Newest first, keyset-paged like the request list.
     *
     * @throws IllegalArgumentException when {@code cursor} is not one this log handed out
     */
    Page list(Filter filter, int limit, String cursor);

    /** Null or blank values mean "any"; {@code since} is inclusive, {@code until} exclusive. */
    record Filter(String action, String target, String actor, Instant since, Instant until) {

        public static final Filter ANY = new Filter(null, null, null, null, null);
    }

    record Page(List<AuditEntry> entries, String nextCursor) {
    }
}
