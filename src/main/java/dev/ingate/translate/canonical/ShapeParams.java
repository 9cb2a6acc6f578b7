package dev.ingate.translate.canonical;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Top-level request parameters the canonical model has no field for ({@code seed}, {@code top_k}…), raw JSON by
 * name. An encoder of the {@code origin} shape writes them back unchanged; any other reports their names as dropped.
 */
public record ShapeParams(Shape origin, Map<String, String> rawJsonByName) {

    public ShapeParams {
        // Ordered, so the dropped-parameter list reads in the client's order.
        rawJsonByName = Collections.unmodifiableMap(new LinkedHashMap<>(rawJsonByName));
    }
}
