package dev.ingate.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes ({@code 10MB}) and durations ({@code 600s}) as written in the config file. */
public final class Units {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([kmg])(?:i?b)?|b)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

    private Units() {
    }

    /**
     * Parses a byte size: a plain number of bytes, or a number followed by {@code KB}, {@code MB}, {@code GB}
     * (also {@code K}, {@code M}, {@code G}, any case), powers of 1024. Must be greater than zero.
     *
     * @throws IllegalArgumentException with a message fit to show the user
     */
    public static long parseSize(String text) {
        String s = text == null ? "" : text.strip();
        Matcher m = SIZE.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size \"" + s + "\" (expected bytes, or a number with KB, MB or GB, e.g. 10MB)");
        }
        int shift = m.group(2) == null ? 0 : switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            default -> 30;
        };
        long n = parseNumber(m.group(1), s);
        if (n == 0) {
            throw new IllegalArgumentException("size must be greater than zero");
        }
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("size \"" + s + "\" is too large");
        }
        return n << shift;
    }

    /**
     * Parses a duration: a number followed by {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}; a plain number is
     * seconds. Must be greater than zero.
     *
     * @throws IllegalArgumentException with a message fit to show the user
     */
    public static Duration parseDuration(String text) {
        String s = text == null ? "" : text.strip();
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid duration \"" + s + "\" (expected a number with ms, s, m, h or d, e.g. 600s)");
        }
        long n = parseNumber(m.group(1), s);
        if (n == 0) {
            throw new IllegalArgumentException("duration must be greater than zero");
        }
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        try {
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration \"" + s + "\" is too large");
        }
    }

    private static long parseNumber(String digits, String whole) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + whole + "\" is too large");
        }
    }
}
