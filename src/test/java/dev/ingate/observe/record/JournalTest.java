package dev.ingate.observe.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void appendsRotatesBySizeAndReplaysOldestFirst() throws Exception {
        List<RequestRecord> records = Records.run(40, 0, 100);
        try (Journal journal = new Journal(dir, 4 * 1024, false)) {
            assertThat(journal.isEmpty()).isTrue();
            assertThat(journal.rotate()).isFalse();   // nothing written: no file
            for (RequestRecord r : records) {
                journal.append(r);
            }
            journal.flush();
            assertThat(journal.isEmpty()).isFalse();
            assertThat(files()).hasSizeGreaterThan(3);
            assertThat(journal.oldestSealed()).isEqualTo(dir.resolve("requests-1.jsonl"));
        }
        // a new run finds every file sealed and keeps counting after the last
        try (Journal journal = new Journal(dir, 4 * 1024, true)) {
            List<Path> before = files();
            journal.append(records.getFirst());
            journal.flush();
            assertThat(journal.rotate()).isTrue();
            assertThat(Journal.number(files().getLast())).isEqualTo(Journal.number(before.getLast()) + 1);
            long lines = 0;
            while (journal.oldestSealed() != null) {
                Path oldest = journal.oldestSealed();
                lines += Files.readAllLines(oldest).stream().map(RecordJson::read).count();
                journal.delete(oldest);
            }
            assertThat(lines).isEqualTo(records.size() + 1);
            assertThat(journal.isEmpty()).isTrue();
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void ignoresOtherFilesAndSealsNoEmptyFile() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a journal");
        Files.writeString(dir.resolve("requests-x.jsonl"), "not numbered");
        try (Journal journal = new Journal(dir, 1024, false)) {
            assertThat(journal.isEmpty()).isTrue();
        }
        assertThat(Journal.number(dir.resolve("requests-12.jsonl"))).isEqualTo(12);
        assertThat(files()).isEmpty();
    }

    @Test
    void bodiesRoundTripAndLinesWithoutThemStillRead() {
        RequestRecord plain = Records.record(41, 1);
        RequestRecord withBodies = Records.withBodies(plain, new RequestBodies(
                new CapturedBody("{\"q\":\"line\nbreak 👋\"}", null, false), new CapturedBody("H4s=", "gzip", true)));
        String line = new String(RecordJson.write(withBodies), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(line).doesNotContain("\n").contains("\"bodies\"");
        assertThat(RecordJson.read(line)).isEqualTo(withBodies);

        String old = new String(RecordJson.write(plain), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(old).doesNotContain("bodies");   // lines without bodies look as they did before bodies existed
        assertThat(RecordJson.read(old)).isEqualTo(plain);
        assertThat(RecordJson.read(old.replace("}", ",\"bodies\":null}")).bodies()).isNull();
        assertThat(RecordJson.read(line.replace("\"truncated\":true", "\"truncated\":true,\"later\":1")).bodies())
                .isEqualTo(withBodies.bodies());   // a field a later version adds is ignored
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Journal.number(f) >= 0).sorted((a, b) -> Long.compare(Journal.number(a), Journal.number(b))).toList();
        }
    }
}
