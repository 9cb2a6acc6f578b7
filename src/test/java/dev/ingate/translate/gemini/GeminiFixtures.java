package dev.ingate.translate.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Fixtures;
import dev.ingate.translate.Fixtures.SseEvent;
import dev.ingate.translate.Json;
import dev.ingate.translate.StreamTranslator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Shared pieces of the Gemini codec tests. */
final class GeminiFixtures {

    static final Clock NEW_YEAR = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final String GENERATE_PATH = "/v1beta/models/gemini-2.5-flash:generateContent";
    static final String STREAM_PATH = "/v1beta/models/gemini-2.5-flash:streamGenerateContent";

    private GeminiFixtures() {
    }

    /** Frame by frame: the same event names, and data equal as JSON ({@code [DONE]} as text). */
    static void assertSameFrames(List<SseEvent> actual, String expectedFixture) {
        List<SseEvent> expected = Fixtures.parseSse(Fixtures.read(expectedFixture));
        assertThat(actual).as("%s: frame count%nactual: %s", expectedFixture, actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            SseEvent want = expected.get(i);
            SseEvent got = actual.get(i);
            assertThat(got.event()).as("%s frame %d event name", expectedFixture, i).isEqualTo(want.event());
            if (want.data().equals("[DONE]")) {
                assertThat(got.data()).as("%s frame %d", expectedFixture, i).isEqualTo("[DONE]");
            } else {
                assertThat(Json.parse(got.data())).as("%s frame %d%nactual:   %s%nexpected: %s", expectedFixture, i, got.data(), want.data())
                        .isEqualTo(Json.parse(want.data()));
            }
        }
    }

    static List<SseEvent> translate(StreamTranslator translator, String fixture) {
        return Fixtures.translateStream(translator, fixture);
    }
}
