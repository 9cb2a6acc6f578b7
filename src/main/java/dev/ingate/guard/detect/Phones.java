package dev.ingate.guard.detect;

import java.util.regex.Pattern;

/**
 * Phone numbers as people write them, not any run of digits: international ({@code +} and a country code, E.164's 8 to
 * 15 digits, spaces, dots, dashes or a bracketed trunk zero allowed), North American with separators
 * ({@code (415) 555-0123}, {@code 415-555-0123}, {@code 415.555.0123}) and European national numbers with a trunk zero
 * and separators ({@code 020 7946 0958}, {@code 030/1234567}, {@code 06 12 34 56 78}).
 */
public final class Phones {

    private static final String BEFORE = "(?<![\\w+.\\-/])";
    private static final String AFTER = "(?![\\w]|[.\\-/]\\d)";
    private static final Pattern INTERNATIONAL = Pattern.compile(
            BEFORE + "\\+[1-9]\\d{0,3}(?:[ .\\-]?(?:\\(0\\)[ .\\-]?)?\\(?\\d{1,5}\\)?){1,6}" + AFTER);
    private static final Pattern NORTH_AMERICAN = Pattern.compile(
            BEFORE + "(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[ .\\-])[2-9]\\d{2}[ .\\-]\\d{4}" + AFTER);
    private static final Pattern EUROPEAN = Pattern.compile(
            BEFORE + "(?:0[1-9](?:[ .]\\d{2}){4}|0\\d{1,4}[ /\\-]\\d{3,4}[ \\-]?\\d{3,4})" + AFTER);

    private Phones() {
    }

    public static Detector detector() {
        return new AnyOf(java.util.List.of(
                new PatternDetector(INTERNATIONAL, "phone", p -> digits(p) >= 8 && digits(p) <= 15),
                new PatternDetector(NORTH_AMERICAN, "phone"),
                new PatternDetector(EUROPEAN, "phone", p -> digits(p) >= 9 && digits(p) <= 12)));
    }

    private static int digits(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
