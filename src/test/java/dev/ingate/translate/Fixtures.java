package dev.ingate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads {@code fixtures/translate/...} and compares JSON by value, not by text. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/translate/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertSameJson(String actualJson, String expectedFixture) {
        JsonNode actual = Json.parse(actualJson);
        JsonNode expected = Json.parse(read(expectedFixture));
        assertThat(actual).as("%s%nactual:   %s%nexpected: %s", expectedFixture, actual, expected).isEqualTo(expected);
    }

    /** One SSE event: its {@code event:} name (null when absent) and its {@code data:} text. */
    public record SseEvent(String event, String data) {

        public JsonNode json() {
            return Json.parse(data);
        }
    }

    /** Events of an SSE text: blank-line separated, {@code data:} lines joined by newlines as the SSE spec says. */
    public static List<SseEvent> parseSse(String text) {
        List<SseEvent> events = new ArrayList<>();
        for (String frame : text.replace("\r\n", "\n").split("\n\n")) {
            String event = null;
            StringBuilder data = null;
            for (String line : frame.split("\n")) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String piece = line.substring(5).strip();
                    data = data == null ? new StringBuilder(piece) : data.append('\n').append(piece);
                }
            }
            if (data != null) {
                events.add(new SseEvent(event, data.toString()));
            }
        }
        return events;
    }

    /** Runs a whole upstream SSE fixture through a translator and parses what it wrote. */
    public static List<SseEvent> translateStream(StreamTranslator translator, String fixture) {
        StringBuilder out = new StringBuilder();
        for (SseEvent event : parseSse(read(fixture))) {
            translator.translate(event.event(), event.data()).forEach(out::append);
        }
        translator.end().forEach(out::append);
        String written = out.toString();
        // Every frame the translator writes must be a whole SSE event on its own.
        assertThat(written).endsWith("\n\n");
        return parseSse(written);
    }
}
