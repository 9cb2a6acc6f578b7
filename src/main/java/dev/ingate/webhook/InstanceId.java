package dev.ingate.webhook;

import dev.ingate.secrets.RandomSecrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This instance's name as the owner of pending webhook deliveries, kept in the data dir: a restart with the same data
 * dir is the same owner and resumes its deliveries at once, while instances sharing PostgreSQL each have their own.
 */
public final class InstanceId {

    static final String FILE = "instance-id";

    private InstanceId() {
    }

    public static String of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(dataDir);
            String id = "ing_" + RandomSecrets.base62(16);
            try {
                Files.writeString(Files.createFile(file), id, StandardCharsets.UTF_8);
                return id;
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }
}
