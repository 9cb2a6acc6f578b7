package dev.ingate.guard.detect;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a detector finds exactly the expected value inside a sentence, or nothing at all. */
final class DetectorAssert {

    private DetectorAssert() {
    }

    static void finds(Detector detector, String value) {
        String text = "Please note " + value + " for later.";
        List<Match> matches = detector.findAll(text);
        assertThat(matches).as("matches in <%s>", text).hasSize(1);
        assertThat(text.substring(matches.get(0).start(), matches.get(0).end())).isEqualTo(value);
    }

    static void findsNothing(Detector detector, String text) {
        assertThat(detector.findAll("Please note " + text + " for later.")).as("matches in <%s>", text).isEmpty();
    }
}
