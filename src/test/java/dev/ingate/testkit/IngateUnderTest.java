package dev.ingate.testkit;

import dev.ingate.Ingate;
import dev.ingate.StartupSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Ingate on a random loopback port, started in-process from a YAML config text, with its own
 * temporary data directory. Closing it stops the server.
 */
public final class IngateUnderTest implements AutoCloseable {

    /** The gateway key that {@link #withKey} configs carry. */
    public static final String KEY = "sk-ingate-test0123456789abcdefghijklmnopqrstuv";

    private final Ingate ingate;
    private final Path dataDir;
    private final String consoleOutput;

    private IngateUnderTest(Ingate ingate, Path dataDir, String consoleOutput) {
        this.ingate = ingate;
        this.dataDir = dataDir;
        this.consoleOutput = consoleOutput;
    }

    public static IngateUnderTest start(String yamlConfig) {
        return start(yamlConfig, Map.of(), null);
    }

    /** @param dataDir null for a new temporary one */
    public static IngateUnderTest start(String yamlConfig, Map<String, String> env, Path dataDir) {
        try {
            Path dir = dataDir != null ? dataDir : Files.createTempDirectory("ingate-test-data");
            Path config = null;
            if (yamlConfig != null) {
                config = Files.createTempFile("ingate-test", ".yaml");
                Files.writeString(config, yamlConfig);
            }
            Map<String, String> environment = new HashMap<>(env);
            StartupSettings settings = StartupSettings.resolve(config, 0, dir, "127.0.0.1", environment);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            Ingate ingate = Ingate.start(settings, new PrintStream(console, true, StandardCharsets.UTF_8));
            return new IngateUnderTest(ingate, dir, console.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A config with the test gateway key prepended to the given YAML. */
    public static String withKey(String yaml) {
        return "keys:\n  - { name: test, key: \"" + KEY + "\" }\n" + yaml;
    }

    public int port() {
        return ingate.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ingate.port();
    }

    /** The snapshot the request path currently uses. */
    public dev.ingate.pipeline.GatewayState state() {
        return ingate.state();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** What Ingate printed at start (banner, first-start secrets). */
    public String consoleOutput() {
        return consoleOutput;
    }

    @Override
    public void close() {
        ingate.close();
    }
}
