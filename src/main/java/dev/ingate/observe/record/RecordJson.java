package dev.ingate.observe.record;

import dev.ingate.pipeline.LoopJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A {@link RequestRecord} as one line of the journal. Bound by Jackson from the record's components, with times as
 * ISO-8601 text and the cost as a JSON number (exact, no double on the way). Unknown fields are ignored and missing
 * ones read as null, so a journal written by another version of Ingate still replays.
 */
final class RecordJson {

    private static final JsonMapper MAPPER = JsonMapper.builder(LoopJson.factory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private RecordJson() {
    }

    private static final ObjectWriter LINES = MAPPER.writerFor(RequestRecord.class).withRootValueSeparator("\n");

    /** UTF-8 JSON without a line break (JSON escapes any inside strings). */
    static byte[] write(RequestRecord r) {
        return MAPPER.writeValueAsBytes(r);
    }

    /**
     * Each record as a line into {@code out}, through one generator: no array a record and no copy of it, which
     * made half of the journal's cost when a saturated machine sends every batch there. (Closing the sequence
     * closes {@code out}, a no-op for this stream.)
     */
    static void writeLines(List<RequestRecord> records, ByteArrayOutputStream out) {
        if (records.isEmpty()) {
            return;
        }
        try (SequenceWriter lines = LINES.writeValues(out)) {
            lines.writeAll(records);
        }
        out.write('\n');
    }

    /** @throws JacksonException when the line is not a record (a partial last line after a crash) */
    static RequestRecord read(String line) {
        return MAPPER.readValue(line, RequestRecord.class);
    }
}
