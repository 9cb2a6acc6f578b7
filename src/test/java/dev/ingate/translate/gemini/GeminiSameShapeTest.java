package dev.ingate.translate.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Gemini request and response through the canonical model and back to Gemini (a fallback to another Gemini
 * provider). Unmodelled parameters, Gemini's own tools and signatures survive; the documented differences are that
 * schemas go out in their JSON Schema fields and id-less calls stay id-less.
 */
class GeminiSameShapeTest {

    @ParameterizedTest
    @ValueSource(strings = {"request-plain.json", "request-system.json", "request-images.json", "request-tools.json",
            "request-tool-round-trip.json", "request-thinking.json", "request-json-schema.json", "request-unmodelled.json"})
    void requests(String fixture) {
        Encoded encoded = GeminiRequestEncoder.encode(
                GeminiRequestDecoder.decode(GeminiFixtures.STREAM_PATH, Fixtures.read("gemini/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "gemini/same-shape/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-text.json", "response-function-calls.json", "response-cached.json", "response-max-tokens.json"})
    void responses(String fixture) {
        Encoded encoded = GeminiResponseEncoder.encode(GeminiResponseDecoder.decode(Fixtures.read("gemini/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "gemini/same-shape/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }
}
