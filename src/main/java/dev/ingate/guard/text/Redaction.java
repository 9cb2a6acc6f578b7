package dev.ingate.guard.text;

import dev.ingate.guard.detect.Match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replaces matches in a text with {@code [REDACTED:<label>]}; overlapping matches become one, named after the first. */
public final class Redaction {

    private Redaction() {
    }

    public static String marker(String label) {
        return "[REDACTED:" + label + "]";
    }

    public static String apply(String text, List<Match> matches) {
        if (matches.isEmpty()) {
            return text;
        }
        List<Match> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingInt(Match::start).thenComparingInt(m -> -m.end()));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Match m : sorted) {
            if (m.end() <= at) {
                continue;   // inside a match already replaced
            }
            if (m.start() >= at) {
                out.append(text, at, m.start()).append(marker(m.label()));
            }
            at = m.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
