package dev.ingate.observe.pricing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scan for the providers' models arrays follows strings and escapes, and takes only a provider's own key. */
class ModelsSpansTest {

    @Test
    void findsEachProvidersArrayWhateverItsStringsHold() {
        String json = """
                [ {"id": "a", "name": "models", "models" : [ {"id": "x]}\\"[{", "match": {"equals": "models"}} ], "n": 1},
                  {"id": "b", "extractors": [{"models": ["not", "this"]}]},
                  {"models":[], "id": "c"} ]""";
        ModelsSpans found = ModelsSpans.of(json.getBytes(StandardCharsets.UTF_8));

        assertThat(found.spans).hasSize(2);
        assertThat(text(json, found.spans.get(0))).isEqualTo("[ {\"id\": \"x]}\\\"[{\", \"match\": {\"equals\": \"models\"}} ]");
        assertThat(text(json, found.spans.get(1))).isEqualTo("[]");
        assertThat(new String(found.withoutModels, StandardCharsets.UTF_8)).isEqualTo("""
                [ {"id": "a", "name": "models", "models" : [], "n": 1},
                  {"id": "b", "extractors": [{"models": ["not", "this"]}]},
                  {"models":[], "id": "c"} ]""");
    }

    @Test
    void anUnterminatedArrayIsAnError() {
        assertThatThrownBy(() -> ModelsSpans.of("[{\"models\": [1, 2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(String json, int[] span) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new String(bytes, span[0], span[1] - span[0], StandardCharsets.UTF_8);
    }
}
