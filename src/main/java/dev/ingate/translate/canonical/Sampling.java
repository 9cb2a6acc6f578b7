package dev.ingate.translate.canonical;

import java.util.List;
import java.util.Optional;

/** Sampling settings; an empty value means "the provider's default", which is not the same as any number. */
public record Sampling(Optional<Double> temperature, Optional<Double> topP, Optional<Integer> maxTokens, List<String> stop) {

    public Sampling {
        stop = List.copyOf(stop);
    }
}
