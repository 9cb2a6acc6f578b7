package dev.ingate.guard.detect;

import java.util.regex.Pattern;

/** Payment card numbers: 13 to 19 digits, optionally grouped by spaces or dashes, that pass the Luhn check. */
public final class CreditCards {

    private static final Pattern PATTERN = Pattern.compile("(?<![\\d\\-.])\\d(?:[ \\-]?\\d){12,18}(?![\\d]|[\\-.]\\d)");

    private CreditCards() {
    }

    public static Detector detector() {
        return new PatternDetector(PATTERN, "credit_card", CreditCards::valid);
    }

    static boolean valid(String candidate) {
        String digits = candidate.replaceAll("[ \\-]", "");
        if (digits.length() < 13 || digits.length() > 19 || digits.chars().allMatch(c -> c == digits.charAt(0))) {
            return false;
        }
        return consistentSeparators(candidate) && luhn(digits);
    }

    /** One kind of separator at most: {@code 4111 1111-1111 1111} is more likely two numbers than one card. */
    private static boolean consistentSeparators(String candidate) {
        return !(candidate.indexOf(' ') >= 0 && candidate.indexOf('-') >= 0);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
