package dev.ingate.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    static final String SECRET = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789";
    private final SecretBox box = new SecretBox(key(1));

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    @Test
    void roundTrips() {
        assertThat(box.open(box.seal(SECRET, "openai"), "openai")).isEqualTo(SECRET);
        assertThat(box.open(box.seal("", "openai"), "openai")).isEmpty();
        assertThat(box.open(box.seal("ключ-🔑", "ollama"), "ollama")).isEqualTo("ключ-🔑");
    }

    @Test
    void blobIsVersionNonceCiphertextAndTag() {
        byte[] sealed = box.seal(SECRET, "openai");
        assertThat(sealed[0]).isEqualTo((byte) 0x01);
        assertThat(sealed).hasSize(1 + 12 + SECRET.length() + 16);
    }

    @Test
    void everySealUsesAFreshNonce() {
        byte[] a = box.seal(SECRET, "openai");
        byte[] b = box.seal(SECRET, "openai");
        assertThat(a).isNotEqualTo(b);
        assertThat(Arrays.copyOfRange(a, 1, 13)).isNotEqualTo(Arrays.copyOfRange(b, 1, 13));
    }

    @Test
    void plaintextDoesNotAppearInTheBlob() {
        byte[] sealed = box.seal(SECRET, "openai");
        byte[] plain = SECRET.getBytes(StandardCharsets.UTF_8);
        // Any 8-byte window of the plaintext would already be a leak.
        for (int i = 0; i + 8 <= plain.length; i++) {
            byte[] window = Arrays.copyOfRange(plain, i, i + 8);
            assertThat(indexOf(sealed, window)).as("window at %d", i).isEqualTo(-1);
        }
        assertThat(new String(Base64.getDecoder().decode(box.sealToText(SECRET, "openai")), StandardCharsets.ISO_8859_1))
                .doesNotContain("sk-proj");
    }

    @Test
    void aKeyMovedToAnotherProviderDoesNotOpen() {
        byte[] sealed = box.seal(SECRET, "openai");
        assertThatThrownBy(() -> box.open(sealed, "anthropic"))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("does not open")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void anotherMasterKeyDoesNotOpen() {
        byte[] sealed = box.seal(SECRET, "openai");
        SecretBox other = new SecretBox(key(2));
        assertThatThrownBy(() -> other.open(sealed, "openai"))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining(other.keyFingerprint());
    }

    @Test
    void flippingAnySingleByteIsDetected() {
        byte[] sealed = box.seal(SECRET, "openai");
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            int at = i;
            assertThatThrownBy(() -> box.open(tampered, "openai")).as("byte %d", at).isInstanceOf(SecretException.class);
        }
    }

    @Test
    void truncatedBlobsAreRejected() {
        byte[] sealed = box.seal(SECRET, "openai");
        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            int at = length;
            assertThatThrownBy(() -> box.open(truncated, "openai")).as("length %d", at).isInstanceOf(SecretException.class);
        }
        assertThatThrownBy(() -> box.open(new byte[5], "openai")).hasMessageContaining("too short");
        assertThatThrownBy(() -> box.open(null, "openai")).isInstanceOf(SecretException.class);
    }

    @Test
    void unknownVersionIsNamed() {
        byte[] sealed = box.seal(SECRET, "openai");
        sealed[0] = 0x02;
        assertThatThrownBy(() -> box.open(sealed, "openai"))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("unknown version 2");
    }

    @Test
    void textFormIsPlainBase64OfTheBlob() {
        String text = box.sealToText(SECRET, "openai");
        assertThat(text).matches("[A-Za-z0-9+/]+=*");
        assertThat(Base64.getDecoder().decode(text)[0]).isEqualTo((byte) 0x01);
        assertThat(box.openText(text, "openai")).isEqualTo(SECRET);
        assertThat(box.open(Base64.getDecoder().decode(text), "openai")).isEqualTo(SECRET);
        assertThat(box.openText(Base64.getEncoder().encodeToString(box.seal(SECRET, "x")), "x")).isEqualTo(SECRET);
        assertThatThrownBy(() -> box.openText("not base64!", "openai"))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> box.openText(text, "anthropic")).isInstanceOf(SecretException.class);
    }

    @Test
    void masterKeyMustBe32Bytes() {
        assertThatThrownBy(() -> new SecretBox(new byte[31])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31");
        assertThatThrownBy(() -> new SecretBox(new byte[33])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("33");
        assertThatThrownBy(() -> new SecretBox(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callerMayWipeItsKeyArray() {
        byte[] raw = key(7);
        SecretBox wiped = new SecretBox(raw);
        byte[] sealed = wiped.seal(SECRET, "openai");
        Arrays.fill(raw, (byte) 0);
        assertThat(wiped.open(sealed, "openai")).isEqualTo(SECRET);
    }

    @Test
    void fingerprintNamesTheKeyWithoutRevealingIt() {
        // First 8 hex chars of SHA-256 over 32 bytes of 0x01, computed outside Java.
        assertThat(box.keyFingerprint()).isEqualTo("72cd6e84");
        assertThat(box.keyFingerprint()).isNotEqualTo(new SecretBox(key(2)).keyFingerprint());
        assertThat(box.toString()).contains(box.keyFingerprint()).doesNotContain(Base64.getEncoder().encodeToString(key(1)));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
