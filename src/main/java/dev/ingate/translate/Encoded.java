package dev.ingate.translate;

import java.util.List;

/**
 * An encoder's output: the JSON body for the target shape, and the names of the parameters that had no
 * equivalent there and were left out (for the {@code X-Ingate-Dropped-Params} header).
 */
public record Encoded(String json, List<String> droppedParams) {

    public Encoded {
        droppedParams = List.copyOf(droppedParams);
    }
}
