package dev.ingate.translate.ollama;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Ollama's {@code created_at}: RFC 3339 with up to nanoseconds and any offset. */
final class Timestamps {

    private Timestamps() {
    }

    static Optional<Long> epochSeconds(String createdAt) {
        try {
            return Optional.of(OffsetDateTime.parse(createdAt).toEpochSecond());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** UTC with a {@code Z}, as Ollama writes it. */
    static String format(Instant instant) {
        return instant.toString();
    }
}
