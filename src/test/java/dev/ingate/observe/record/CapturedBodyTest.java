package dev.ingate.observe.record;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CapturedBodyTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void textIsKeptAsText() {
        byte[] body = utf8("{\"model\":\"gpt-4o\",\"messages\":[{\"content\":\"grüß dich 👋\"}]}");
        CapturedBody stored = CapturedBody.of(body, body.length, false, null);
        assertThat(stored).isEqualTo(new CapturedBody(new String(body, StandardCharsets.UTF_8), null, false));
        assertThat(CapturedBody.of(body, body.length, false, "identity").encoding()).isNull();
    }

    @Test
    void aCutInsideACharacterDropsThePartialCharacter() {
        byte[] body = utf8("ab👋");   // the emoji is four bytes
        for (int cut = 3; cut <= 5; cut++) {
            CapturedBody stored = CapturedBody.of(body, cut, true, null);
            assertThat(stored.text()).isEqualTo("ab");
            assertThat(stored.encoding()).isNull();
            assertThat(stored.truncated()).isTrue();
        }
        assertThat(CapturedBody.of(body, 6, false, null).text()).isEqualTo("ab👋");
        byte[] twoByte = utf8("xé");
        assertThat(CapturedBody.of(twoByte, 2, true, null).text()).isEqualTo("x");
    }

    @Test
    void bytesThatAreNotUtf8OrHoldNulAreBase64() {
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41};
        CapturedBody stored = CapturedBody.of(binary, binary.length, false, null);
        assertThat(stored.encoding()).isEqualTo(CapturedBody.BASE64);
        assertThat(Base64.getDecoder().decode(stored.text())).isEqualTo(binary);
        byte[] nul = utf8("a\u0000b");
        assertThat(CapturedBody.of(nul, nul.length, false, null).encoding()).isEqualTo(CapturedBody.BASE64);
    }

    @Test
    void compressedBodiesAreStoredAsRelayedAndInflatedWhenRead() throws Exception {
        String text = "{\"answer\":\"" + "hello ".repeat(500) + "\"}";
        byte[] gzip = gzip(utf8(text));
        CapturedBody stored = CapturedBody.of(gzip, gzip.length, false, "GZIP");
        assertThat(stored.encoding()).isEqualTo("gzip");
        assertThat(Base64.getDecoder().decode(stored.text())).isEqualTo(gzip);
        assertThat(ReadableBody.of(stored)).isEqualTo(new CapturedBody(text, null, false));

        byte[] deflate = deflate(utf8(text), false);
        assertThat(ReadableBody.of(CapturedBody.of(deflate, deflate.length, false, "deflate")).text()).isEqualTo(text);
        byte[] rawDeflate = deflate(utf8(text), true);
        assertThat(ReadableBody.of(CapturedBody.of(rawDeflate, rawDeflate.length, false, "deflate")).text()).isEqualTo(text);
    }

    @Test
    void aCompressedBodyCutByTheLimitShowsItsStart() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 200_000; i++) {
            text.append("line ").append(i).append(" of a long answer\n");
        }
        byte[] gzip = gzip(utf8(text.toString()));
        int cut = gzip.length / 2;
        CapturedBody readable = ReadableBody.of(CapturedBody.of(Arrays.copyOf(gzip, cut), cut, true, "gzip"));
        assertThat(readable.encoding()).isNull();
        assertThat(readable.truncated()).isTrue();
        assertThat(readable.text()).isNotEmpty();
        assertThat(text.toString()).startsWith(readable.text());
    }

    @Test
    void whatCannotBeInflatedStaysAsStored() {
        CapturedBody br = new CapturedBody(Base64.getEncoder().encodeToString(utf8("not really brotli")), "br", false);
        assertThat(ReadableBody.of(br)).isSameAs(br);
        CapturedBody corrupt = new CapturedBody(Base64.getEncoder().encodeToString(utf8("not gzip at all")), "gzip", false);
        assertThat(ReadableBody.of(corrupt)).isSameAs(corrupt);
        assertThat(ReadableBody.of(null)).isNull();
    }

    static byte[] gzip(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] plain, boolean raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater)) {
            d.write(plain);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
