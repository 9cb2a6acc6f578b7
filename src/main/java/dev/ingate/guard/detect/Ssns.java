package dev.ingate.guard.detect;

import java.util.regex.Pattern;

/**
 * US Social Security numbers written {@code 123-45-6789} or {@code 123 45 6789} (a bare run of nine digits is too often
 * something else), without the numbers the SSA never issues: area 000, 666 or 900–999, group 00, serial 0000.
 */
public final class Ssns {

    private static final Pattern PATTERN = Pattern.compile("(?<![\\d\\-])(\\d{3})([ \\-])(\\d{2})\\2(\\d{4})(?![\\d]|-\\d)");

    private Ssns() {
    }

    public static Detector detector() {
        return new PatternDetector(PATTERN, "ssn", Ssns::issuable);
    }

    static boolean issuable(String candidate) {
        String area = candidate.substring(0, 3);
        String group = candidate.substring(4, 6);
        String serial = candidate.substring(7, 11);
        return !area.equals("000") && !area.equals("666") && area.charAt(0) != '9' && !group.equals("00") && !serial.equals("0000");
    }
}
