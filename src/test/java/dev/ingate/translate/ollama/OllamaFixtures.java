package dev.ingate.translate.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingate.translate.Fixtures;
import dev.ingate.translate.Fixtures.SseEvent;
import dev.ingate.translate.Json;
import dev.ingate.translate.StreamTranslator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** Ollama test helpers: a fixed clock, predictable ids, and NDJSON read and compared line by line. */
final class OllamaFixtures {

    static final Clock NEW_YEAR = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private OllamaFixtures() {
    }

    /** {@code prefix1}, {@code prefix2}…: what the random ids are in production, made predictable. */
    static Supplier<String> ids(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return () -> prefix + next.incrementAndGet();
    }

    static List<JsonNode> ndjson(String text) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.parse(line));
            }
        }
        return lines;
    }

    /** Feeds an Ollama NDJSON fixture one line per call, as the dispatcher does, and returns what was written. */
    static String translateLines(StreamTranslator translator, String fixture) {
        StringBuilder out = new StringBuilder();
        for (String line : Fixtures.read(fixture).split("\n")) {
            translator.translate(null, line).forEach(out::append);
        }
        translator.end().forEach(out::append);
        return out.toString();
    }

    /** Feeds an SSE fixture event by event and returns what was written. */
    static String translateSse(StreamTranslator translator, String fixture) {
        StringBuilder out = new StringBuilder();
        for (SseEvent event : Fixtures.parseSse(Fixtures.read(fixture))) {
            translator.translate(event.event(), event.data()).forEach(out::append);
        }
        translator.end().forEach(out::append);
        return out.toString();
    }

    /** Each written piece is one whole line, and the lines equal the fixture's as JSON. */
    static void assertSameNdjson(String actual, String expectedFixture) {
        assertThat(actual).endsWith("\n").doesNotContain("\n\n");
        assertThat(ndjson(actual)).as(expectedFixture + "\nactual:\n" + actual).isEqualTo(ndjson(Fixtures.read(expectedFixture)));
    }

    /** The same SSE events, by name and by JSON value. */
    static void assertSameSse(String actual, String expectedFixture) {
        assertThat(actual).endsWith("\n\n");
        List<SseEvent> actualEvents = Fixtures.parseSse(actual);
        List<SseEvent> expectedEvents = Fixtures.parseSse(Fixtures.read(expectedFixture));
        assertThat(actualEvents).as(expectedFixture + "\nactual:\n" + actual).hasSameSizeAs(expectedEvents);
        for (int i = 0; i < expectedEvents.size(); i++) {
            SseEvent expected = expectedEvents.get(i);
            SseEvent got = actualEvents.get(i);
            assertThat(got.event()).as("event %d of %s", i, expectedFixture).isEqualTo(expected.event());
            if (expected.data().equals("[DONE]")) {
                assertThat(got.data()).isEqualTo("[DONE]");
            } else {
                assertThat(got.json()).as("event %d of %s", i, expectedFixture).isEqualTo(expected.json());
            }
        }
    }
}
