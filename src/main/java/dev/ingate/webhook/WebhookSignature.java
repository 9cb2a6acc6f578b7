package dev.ingate.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * {@code X-Ingate-Signature: sha256=<hex>}: HMAC-SHA256 of the exact body bytes under the webhook's secret, lowercase
 * hex. A receiver recomputes it over the raw body it read (before any JSON parsing) and compares in constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Ingate-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
