package dev.ingate.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

/**
 * The secrets Ingate generates once into its data directory: the admin token and the master key.
 * Files are created with mode 0600 before anything is written to them.
 */
public final class DataDir {

    static final String ADMIN_TOKEN_FILE = "admin-token";
    static final String MASTER_KEY_FILE = "master.key";

    private final Path dir;

    public DataDir(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
    }

    public Path path() {
        return dir;
    }

    /** The admin token from the environment, else the stored one, else a new one (returned as new). */
    public Generated<String> adminToken(Optional<String> fromEnv) {
        if (fromEnv.isPresent()) {
            return new Generated<>(fromEnv.get(), false);
        }
        return readOrCreate(ADMIN_TOKEN_FILE, RandomSecrets::adminToken);
    }

    /** The 32-byte AES key from {@code INGATE_MASTER_KEY} (base64), else the stored one, else a new one. */
    public Generated<byte[]> masterKey(Optional<String> fromEnv) {
        String encoded = fromEnv.orElseGet(() -> readOrCreate(MASTER_KEY_FILE,
                () -> Base64.getEncoder().encodeToString(RandomSecrets.bytes(32))).value());
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes (base64 of 32 bytes), got " + key.length);
        }
        return new Generated<>(key, false);
    }

    /** Where the master key lives when it is not given by the environment. */
    public Path masterKeyFile() {
        return dir.resolve(MASTER_KEY_FILE);
    }

    /**
     * Replaces the stored master key atomically: the new key is written to a private temporary file
     * first and moved over the old one, so a crash leaves one whole key or the other.
     */
    public void replaceMasterKey(byte[] newKey) {
        Path next = dir.resolve(MASTER_KEY_FILE + ".next");
        try {
            Files.deleteIfExists(next);
            writePrivate(next, Base64.getEncoder().encodeToString(newKey));
            Files.move(next, masterKeyFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + masterKeyFile(), e);
        }
    }

    public record Generated<T>(T value, boolean isNew) {
    }

    private Generated<String> readOrCreate(String name, java.util.function.Supplier<String> generator) {
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
            return new Generated<>(read(file), false);
        }
        String value = generator.get();
        writePrivate(file, value);
        return new Generated<>(value, true);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void writePrivate(Path file, String value) {
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(file + " appeared while Ingate was creating it; is another Ingate starting on this data directory?");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
