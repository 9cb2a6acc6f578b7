package dev.ingate.config;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code recording:} — whether every request is written to the request log, how long records are kept, and the
 * optional body capture. Bodies are off by default: they hold prompts and answers, which many teams may not keep.
 *
 * @param enabled        off: no request is written to the request log (metrics still count them)
 * @param retention      records older than this are pruned in the background; empty keeps them for ever
 * @param captureBodies  also store request and response bodies (their own table)
 * @param maxBodyBytes   a captured body is cut at this size (each of request and response)
 * @param bodyRetention  captured bodies older than this are pruned, usually sooner than the records themselves
 */
public record RecordingSettings(boolean enabled, Optional<Duration> retention, boolean captureBodies, long maxBodyBytes,
                                Duration bodyRetention) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final long DEFAULT_MAX_BODY = 64L * 1024;
    public static final Duration DEFAULT_BODY_RETENTION = Duration.ofDays(7);

    public static RecordingSettings defaults() {
        return new RecordingSettings(true, Optional.of(DEFAULT_RETENTION), false, DEFAULT_MAX_BODY, DEFAULT_BODY_RETENTION);
    }
}
