package dev.ingate.observe;

import dev.ingate.observe.record.RecordWriter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The request log's health: queue depth, and records written, spilled to the journal, replayed from it and lost.
 * Read from the writer's own counters at scrape time, so the request path pays nothing for them.
 */
public final class RecordWriterMetrics {

    private RecordWriterMetrics() {
    }

    public static void bind(GatewayMetrics metrics, RecordWriter writer) {
        MeterRegistry r = metrics.registry();
        Gauge.builder("ingate.records.queue.depth", writer, RecordWriter::queueDepth)
                .description("records waiting for the writer").register(r);
        counter(r, "ingate.records.written", "records committed to the database straight from the queue", writer, RecordWriter::written);
        counter(r, "ingate.records.spilled", "records appended to the journal while the database was down or behind", writer,
                RecordWriter::spilled);
        counter(r, "ingate.records.replayed", "records committed from the journal", writer, RecordWriter::replayed);
        counter(r, "ingate.records.lost", "records neither stored nor journaled", writer, RecordWriter::lost);
        counter(r, "ingate.records.write.failures", "failed database writes of the record writer", writer, RecordWriter::failures);
    }

    private static void counter(MeterRegistry r, String name, String description, RecordWriter writer,
                                java.util.function.ToLongFunction<RecordWriter> value) {
        FunctionCounter.builder(name, writer, w -> value.applyAsLong(w)).description(description).register(r);
    }
}
