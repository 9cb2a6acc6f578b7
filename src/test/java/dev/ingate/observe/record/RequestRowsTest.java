package dev.ingate.observe.record;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestRowsTest {

    @Test
    void costIsKeptInNanoDollarsAndReadBackPlain() {
        assertThat(RequestRows.costNanos(new BigDecimal("0.000123"))).isEqualTo(123_000L);
        assertThat(RequestRows.costNanos(new BigDecimal("0.0000000015"))).isEqualTo(2L);   // half-up at the nano
        assertThat(RequestRows.costNanos(null)).isNull();
        assertThat(RequestRows.usd(123_000L)).hasToString("0.000123");
        assertThat(RequestRows.usd(100_000_000_000L)).hasToString("100");
        assertThat(RequestRows.usd(0L)).hasToString("0");
        assertThat(RequestRows.usd(null)).isNull();
    }

    @Test
    void overheadIsKeptInMicroseconds() {
        assertThat(RequestRows.overheadMicros(0.1234)).isEqualTo(123L);
        assertThat(RequestRows.overheadMicros(Double.NaN)).isZero();
    }

    @Test
    void onlyRecordsWithAnIdAndATimeAreStorable() {
        RequestRecord good = Records.record(1, 1);
        assertThat(RequestRows.storable(good)).isTrue();
        assertThat(RequestRows.storable(null)).isFalse();
        assertThat(RequestRows.storable(withId(good, ""))).isFalse();
        assertThat(RequestRows.storable(withId(good, "a\0b"))).isFalse();
    }

    @Test
    void journalLinesRoundTripExactly() {
        RequestRecord r = withId(Records.record(1, 5), "line\nbreak \"quoted\"");
        String line = new String(RecordJson.write(r));
        assertThat(line).doesNotContain("\n");
        assertThat(RecordJson.read(line)).isEqualTo(r);   // BigDecimal scale and the double survive too
        RequestRecord sparse = new RequestRecord("id", r.createdAt(), null, null, null, null, null, null, null,
                500, 0, 0, null, 0, null, null, null, null, null, null, null, null);
        assertThat(RecordJson.read(new String(RecordJson.write(sparse)))).isEqualTo(sparse);
        // another version's fields: unknown ones ignored, missing ones null
        assertThat(RecordJson.read("{\"id\":\"x\",\"createdAt\":\"2026-11-22T10:00:00Z\",\"status\":200,\"newField\":1}").user()).isNull();
        assertThatThrownBy(() -> RecordJson.read("{\"id\":\"x\",\"creat")).isInstanceOf(RuntimeException.class);
    }

    private static RequestRecord withId(RequestRecord r, String id) {
        return new RequestRecord(id, r.createdAt(), r.keyId(), r.keyName(), r.provider(), r.servedBy(), r.model(), r.servedModel(),
                r.path(), r.status(), r.attempts(), r.latencyMs(), r.ttftMs(), r.overheadMs(), r.inputTokens(), r.outputTokens(),
                r.cachedInputTokens(), r.costUsd(), r.sessionId(), r.user(), r.cache(), r.error());
    }
}
