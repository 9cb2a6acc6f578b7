package dev.ingate.guard.detect;

import java.util.regex.Pattern;

/** E-mail addresses: a local part, {@code @}, a dotted domain with a top-level name of letters ({@code user@localhost} is not one). */
public final class Emails {

    private static final Pattern PATTERN = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-]|\\.[A-Za-z0-9])");

    private Emails() {
    }

    public static Detector detector() {
        return new PatternDetector(PATTERN, "email", Emails::plausibleLocalPart);
    }

    /** RFC 5321's dot rules for an unquoted local part: no leading, trailing or doubled dot. */
    private static boolean plausibleLocalPart(String address) {
        String local = address.substring(0, address.indexOf('@'));
        return !local.startsWith(".") && !local.endsWith(".") && !local.contains("..");
    }
}
