package dev.ingate.translate.canonical;

import java.util.List;
import java.util.Optional;

/** A non-streamed answer in no vendor's shape. {@code createdEpochSeconds} is empty when the source had none. */
public record CanonicalResponse(
        String id,
        String model,
        Optional<Long> createdEpochSeconds,
        List<ContentPart> content,
        StopReason stopReason,
        Optional<String> stopSequence,
        Usage usage) {

    public CanonicalResponse {
        content = List.copyOf(content);
    }
}
