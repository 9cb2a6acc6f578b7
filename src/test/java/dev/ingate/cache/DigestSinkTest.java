package dev.ingate.cache;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The buffer changes nothing: the digest is SHA-256 of exactly the bytes put, across every buffer boundary. */
class DigestSinkTest {

    @Test
    void digestsExactlyWhatWasPutWhateverTheSizesOfThePieces() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            DigestSink sink = DigestSink.get();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            int pieces = random.nextInt(60);
            for (int i = 0; i < pieces; i++) {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        byte b = (byte) random.nextInt();
                        sink.put(b);
                        expected.write(b);
                    }
                    case 1 -> {
                        int value = random.nextInt();
                        sink.putInt(value);
                        expected.write(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
                    }
                    default -> {   // from empty to three times the buffer
                        byte[] bytes = new byte[random.nextInt(random.nextBoolean() ? 100 : 25_000)];
                        random.nextBytes(bytes);
                        sink.put(bytes);
                        expected.write(bytes);
                    }
                }
            }
            String reference = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected.toByteArray()));
            assertThat(sink.hex()).as("round %d", round).isEqualTo(reference);
        }
    }

    @Test
    void getStartsAfresh() throws Exception {
        DigestSink.get().put(new byte[] {1, 2, 3});   // left unfinished
        DigestSink sink = DigestSink.get();
        sink.put((byte) 7);
        assertThat(sink.hex()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[] {7})));
    }
}
