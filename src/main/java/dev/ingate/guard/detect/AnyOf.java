package dev.ingate.guard.detect;

import java.util.List;

/** Several detectors as one (a PII rule with several kinds); matches come out ordered by start, overlaps
 * resolved in favour of the one that starts first (the longer one on a tie). */
public final class AnyOf implements Detector {

    private final List<Detector> detectors;

    public AnyOf(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    @Override
    public void find(CharSequence text, int from, int to, List<Match> out) {
        int first = out.size();
        for (Detector d : detectors) {
            d.find(text, from, to, out);
        }
        List<Match> found = out.subList(first, out.size());
        found.sort(java.util.Comparator.comparingInt(Match::start).thenComparingInt(m -> -m.end()));
        // one finding per stretch of text: "+1 415 555 0123" is one phone number, not also "415 555 0123"
        int end = -1;
        for (java.util.Iterator<Match> it = found.iterator(); it.hasNext(); ) {
            Match m = it.next();
            if (m.start() < end) {
                it.remove();
            } else {
                end = m.end();
            }
        }
    }
}
