package dev.ingate.guard.detect;

import java.util.List;
import java.util.regex.Pattern;

/**
 * IP addresses: IPv4 dotted quads with every octet 0–255 (no leading zeros, not part of a longer dotted run such as a
 * version number {@code 1.2.3.4.5}), and IPv6 in full or {@code ::}-compressed form (a clock time {@code 12:30:45} or
 * a MAC address has too few groups and no {@code ::}, so is not one).
 */
public final class IpAddresses {

    private static final Pattern V4 = Pattern.compile("(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?!\\w|\\.\\d)");
    private static final Pattern V6 = Pattern.compile("(?<![\\w:.])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?![\\w:]|\\.\\d)");

    private IpAddresses() {
    }

    public static Detector detector() {
        return new AnyOf(List.of(new PatternDetector(V4, "ip", IpAddresses::v4), new PatternDetector(V6, "ip", IpAddresses::v6)));
    }

    static boolean v4(String candidate) {
        for (String octet : candidate.split("\\.")) {
            if (octet.length() > 1 && octet.charAt(0) == '0' || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean v6(String candidate) {
        int compressed = candidate.indexOf("::");
        if (compressed >= 0 && candidate.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        if (compressed < 0) {
            return groups(candidate) == 8;
        }
        String head = candidate.substring(0, compressed);
        String tail = candidate.substring(compressed + 2);
        int h = head.isEmpty() ? 0 : groups(head);
        int t = tail.isEmpty() ? 0 : groups(tail);
        // "::" alone is the unspecified address, but as text it is far more often C++ or a separator
        return h >= 0 && t >= 0 && h + t <= 7 && h + t >= 1;
    }

    /** How many 1–4 hex digit groups, -1 when any group is malformed. */
    private static int groups(String colonSeparated) {
        String[] parts = colonSeparated.split(":", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 4) {
                return -1;
            }
        }
        return parts.length;
    }
}
