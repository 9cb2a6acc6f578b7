package dev.ingate.guard.detect;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A precompiled pattern, optionally with a check on each candidate (a checksum) that the pattern alone cannot do. */
public final class PatternDetector implements Detector {

    private final Pattern pattern;
    private final String label;
    private final Predicate<String> valid;

    public PatternDetector(Pattern pattern, String label, Predicate<String> valid) {
        this.pattern = pattern;
        this.label = label;
        this.valid = valid;
    }

    public PatternDetector(Pattern pattern, String label) {
        this(pattern, label, candidate -> true);
    }

    @Override
    public void find(CharSequence text, int from, int to, List<Match> out) {
        if (from >= to) {
            return;
        }
        // transparent bounds: look-behinds and \b see the text before the region; the match itself may run past its end
        Matcher m = pattern.matcher(text).region(from, text.length()).useTransparentBounds(true).useAnchoringBounds(false);
        while (m.find()) {
            if (m.start() >= to) {
                return;
            }
            if (m.end() > m.start() && valid.test(m.group())) {
                out.add(new Match(m.start(), m.end(), label));
            }
        }
    }
}
