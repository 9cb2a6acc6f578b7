package dev.ingate.translate.canonical;

import java.util.Optional;

/** The output format asked for. */
public sealed interface ResponseFormat {

    record Text() implements ResponseFormat {
    }

    record JsonObject() implements ResponseFormat {
    }

    record JsonSchema(String name, String schemaJson, Optional<Boolean> strict) implements ResponseFormat {
    }
}
