package dev.ingate.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of provider API keys under the master key (SPEC §1, {@code INGATE_MASTER_KEY}).
 *
 * <p>Blob layout: {@code version(1) || nonce(12) || ciphertext+tag(16)}. The version byte leaves room
 * to rotate the algorithm without guessing what an old row holds. The associated data is the provider
 * name, so a blob pasted into another provider's row does not open. Thread-safe: {@link Cipher} is not,
 * so each call gets its own; the key and {@link SecureRandom} are safe to share.
 */
public final class SecretBox {

    static final byte VERSION = 0x01;
    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    // Random 96-bit nonces are safe for far more seals than a gateway's provider keys will ever need.
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String fingerprint;

    public SecretBox(byte[] masterKey) {
        if (masterKey == null || masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be " + KEY_BYTES + " bytes, got "
                    + (masterKey == null ? "none" : masterKey.length));
        }
        this.key = new SecretKeySpec(masterKey, "AES"); // copies, so the caller may wipe its array
        this.fingerprint = HexFormat.of().formatHex(sha256(masterKey), 0, 4);
    }

    public byte[] seal(String plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
            byte[] out = new byte[1 + NONCE_BYTES + cipher.getOutputSize(input.length)];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            cipher.doFinal(input, 0, input.length, out, 1 + NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    public String open(byte[] sealed, String associatedData) {
        if (sealed == null || sealed.length < OVERHEAD) {
            throw new SecretException("sealed secret is too short (" + (sealed == null ? 0 : sealed.length)
                    + " bytes, at least " + OVERHEAD + " expected)");
        }
        if (sealed[0] != VERSION) {
            throw new SecretException("sealed secret has unknown version " + (sealed[0] & 0xff));
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        byte[] plain = null;
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, associatedData);
            plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            // Deliberately one message for all causes: GCM cannot tell them apart, and guessing misleads.
            throw new SecretException("sealed secret does not open: wrong master key (fingerprint " + fingerprint
                    + "), wrong provider, or altered data");
        } catch (GeneralSecurityException e) {
            throw new SecretException("sealed secret does not open: " + e.getClass().getSimpleName());
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /** The database column is TEXT, so the same blob travels as standard base64. */
    public String sealToText(String plaintext, String associatedData) {
        return Base64.getEncoder().encodeToString(seal(plaintext, associatedData));
    }

    public String openText(String text, String associatedData) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(Objects.requireNonNull(text, "text").trim());
        } catch (IllegalArgumentException e) {
            throw new SecretException("sealed secret is not valid base64");
        }
        return open(sealed, associatedData);
    }

    /** Names the key in logs and errors (e.g. after a key change) without revealing it. */
    public String keyFingerprint() {
        return fingerprint;
    }

    /**
     * Masks a secret for API answers, e.g. {@code sk-…wxyz}. Short secrets show only their last two
     * characters, and tiny ones nothing, so the mask never gives away most of the secret.
     */
    public static String hint(String secret) {
        if (secret == null || secret.length() <= 4) {
            return "…";
        }
        if (secret.length() < 12) {
            return "…" + secret.substring(secret.length() - 2);
        }
        return secret.substring(0, 3) + "…" + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return "SecretBox[key " + fingerprint + "]";
    }

    private Cipher cipher(int mode, byte[] nonce, String associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(Objects.requireNonNull(associatedData, "associatedData").getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
        }
    }
}
