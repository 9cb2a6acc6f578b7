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
 * The secrets Ingate generates once into its data directory: the admin token, the master key and,
 * when no gateway key is configured, a first gateway key (kept only as its hash). Files are created
 * with mode 0600 before anything is written to them.
 */
public final class DataDir {

    static final String ADMIN_TOKEN_FILE = "admin-token";
    static final String MASTER_KEY_FILE = "master.key";
    static final String GENERATED_KEY_FILE = "generated-key.sha256";

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

    /**
     * The hash of the gateway key generated at first start. When the key is new, its plaintext comes
     * back once so it can be shown; only the hash is ever written.
     */
    public GeneratedKey generatedGatewayKey() {
        Path file = dir.resolve(GENERATED_KEY_FILE);
        if (Files.exists(file)) {
            return new GeneratedKey(read(file), Optional.empty());
        }
        String key = RandomSecrets.gatewayKey();
        String hash = dev.ingate.keys.KeyHash.sha256Hex(key);
        writePrivate(file, hash);
        return new GeneratedKey(hash, Optional.of(key));
    }

    public record Generated<T>(T value, boolean isNew) {
    }

    public record GeneratedKey(String sha256Hex, Optional<String> newPlaintext) {
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
