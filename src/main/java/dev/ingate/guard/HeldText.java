package dev.ingate.guard;

import dev.ingate.guard.detect.Match;
import dev.ingate.guard.text.Redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text of a stream, assembled from its deltas, and how one delta reads once the redactions are applied: a match
 * becomes its marker in the delta where it starts and nothing in the deltas it runs on into.
 */
final class HeldText {

    private final StringBuilder text = new StringBuilder();

    int length() {
        return text.length();
    }

    CharSequence chars() {
        return text;
    }

    /** Appends a delta; answers where it starts. */
    int append(String delta) {
        int start = text.length();
        text.append(delta);
        return start;
    }

    /** {@code [from, to)} of the assembled text with {@code matches} (any order, may overlap) redacted. */
    String slice(int from, int to, List<Match> matches) {
        StringBuilder out = new StringBuilder(to - from);
        int at = from;
        for (Match m : disjoint(matches)) {
            if (m.end() <= from || m.start() >= to) {
                continue;
            }
            if (m.start() >= from) {
                out.append(text, at, m.start()).append(Redaction.marker(m.label()));
            }
            at = Math.max(at, Math.min(m.end(), to));
        }
        return out.append(text, at, to).toString();
    }

    /** Overlapping matches merged into one, named after the first. */
    static List<Match> disjoint(List<Match> matches) {
        List<Match> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingInt(Match::start).thenComparingInt(m -> -m.end()));
        List<Match> out = new ArrayList<>();
        for (Match m : sorted) {
            Match last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && m.start() < last.end()) {
                if (m.end() > last.end()) {
                    out.set(out.size() - 1, new Match(last.start(), m.end(), last.label()));
                }
            } else {
                out.add(m);
            }
        }
        return out;
    }
}
