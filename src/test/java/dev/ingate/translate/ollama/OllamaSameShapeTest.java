package dev.ingate.translate.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Encoded;
import dev.ingate.translate.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An Ollama request sent on to an Ollama upstream (a fallback, another host) loses nothing, unknown options included. */
class OllamaSameShapeTest {

    @ParameterizedTest
    @ValueSource(strings = {"request-options.json", "request-tool-round-trip.json", "request-think.json", "request-images.json"})
    void comesBackWhole(String fixture) {
        Encoded encoded = OllamaRequestEncoder.encode(OllamaRequestDecoder.decode(Fixtures.read("ollama/" + fixture)));

        Fixtures.assertSameJson(encoded.json(), "ollama/same/" + fixture);
        assertThat(encoded.droppedParams()).isEmpty();
    }
}
