package dev.ingate;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What SPEC section 1's flags and environment decide, flag over environment over default. */
public record StartupSettings(
        Optional<Path> configFile,
        String host,
        int port,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> redisUrl,
        Optional<String> adminToken,
        Optional<String> masterKey,
        Map<String, String> env) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "0.0.0.0";

    public static StartupSettings resolve(Path configFlag, Integer portFlag, Path dataDirFlag, String hostFlag, Map<String, String> env) {
        Optional<Path> config = Optional.ofNullable(configFlag).or(() -> nonBlank(env, "INGATE_CONFIG").map(Path::of));
        int port = portFlag != null ? portFlag : nonBlank(env, "INGATE_PORT").map(StartupSettings::parsePort).orElse(DEFAULT_PORT);
        Path dataDir = dataDirFlag != null ? dataDirFlag : nonBlank(env, "INGATE_DATA_DIR").map(Path::of).orElse(Path.of("data"));
        String host = hostFlag != null ? hostFlag : nonBlank(env, "INGATE_HOST").orElse(DEFAULT_HOST);
        return new StartupSettings(config, host, port, dataDir,
                nonBlank(env, "INGATE_DATABASE_URL"), nonBlank(env, "INGATE_REDIS_URL"),
                nonBlank(env, "INGATE_ADMIN_TOKEN"), nonBlank(env, "INGATE_MASTER_KEY"), env);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("INGATE_PORT must be a port number (0-65535): " + value);
        }
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
