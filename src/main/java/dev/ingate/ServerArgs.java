package dev.ingate;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The usual command line, {@code [--config FILE] [--port N] [--data-dir DIR] [--host HOST]} (each at most once, as
 * {@code --flag value} or {@code --flag=value}), read without picocli: building picocli's model of the commands by
 * reflection costs a cold JVM ~0.15 s, a tenth of the start's budget. Anything else (help, version, the subcommand,
 * a value picocli would refuse) is not read here, and picocli handles and reports it as before.
 */
record ServerArgs(Path config, Integer port, Path dataDir, String host) {

    private static final Set<String> FLAGS = Set.of("--config", "--port", "--data-dir", "--host");

    static Optional<ServerArgs> parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String flag = eq > 0 ? arg.substring(0, eq) : arg;
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.startsWith("-") || value.startsWith("@")) {   // picocli's own reading of these may differ
                return Optional.empty();
            }
            if (!FLAGS.contains(flag) || values.putIfAbsent(flag, value) != null) {   // unknown, or given twice
                return Optional.empty();
            }
        }
        String config = values.get("--config");
        String port = values.get("--port");
        String dataDir = values.get("--data-dir");
        try {
            return Optional.of(new ServerArgs(config == null ? null : Path.of(config), port == null ? null : Integer.valueOf(port),
                    dataDir == null ? null : Path.of(dataDir), values.get("--host")));
        } catch (NumberFormatException | InvalidPathException e) {
            return Optional.empty();
        }
    }
}
