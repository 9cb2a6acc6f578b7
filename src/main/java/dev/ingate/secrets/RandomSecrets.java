package dev.ingate.secrets;

import java.security.SecureRandom;

/** Secrets drawn from the JDK's CSPRNG, written in base62 so they survive any header or shell. */
public final class RandomSecrets {

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecrets() {
    }

    public static String base62(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return out.toString();
    }

    public static byte[] bytes(int n) {
        byte[] out = new byte[n];
        RANDOM.nextBytes(out);
        return out;
    }

    public static String gatewayKey() {
        return dev.ingate.keys.GatewayKey.SECRET_PREFIX + base62(40);
    }

    public static String adminToken() {
        return "ingate-admin-" + base62(40);
    }
}
