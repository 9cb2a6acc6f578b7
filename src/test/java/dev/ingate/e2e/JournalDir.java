package dev.ingate.e2e;

import dev.ingate.testkit.HttpCalls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What Ingate's record journal ({@code <data-dir>/journal/requests-<n>.jsonl}) holds, read from the files. */
final class JournalDir {

    private final Path dir;

    JournalDir(Path dataDir) {
        this.dir = dataDir.resolve("journal");
    }

    List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request ids of every complete line in every journal file. */
    Set<String> recordIds() {
        Set<String> ids = new HashSet<>();
        for (Path file : files()) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        try {
                            ids.add(HttpCalls.json(line).get("id").asString());
                        } catch (tools.jackson.core.JacksonException beingWritten) {
                            // the last line may still be half in the writer's buffer
                        }
                    }
                }
            } catch (java.nio.file.NoSuchFileException replayedMeanwhile) {
                // deleted by the replay between the listing and the read
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }

    @Override
    public String toString() {
        return dir + " " + files();
    }
}
