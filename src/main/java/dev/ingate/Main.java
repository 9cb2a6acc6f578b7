package dev.ingate;

import dev.ingate.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar ingate.jar [--config FILE] [--port N] [--data-dir DIR]}: starts the gateway. */
@Command(name = "ingate", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Self-hosted AI gateway.", subcommands = RotateMasterKey.class)
public final class Main implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (env INGATE_CONFIG)")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "listen port (env INGATE_PORT, default 8080)")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "embedded database and generated secrets (env INGATE_DATA_DIR, default ./data)")
    Path dataDir;

    @Option(names = "--host", paramLabel = "HOST", description = "listen address (env INGATE_HOST, default 0.0.0.0)")
    String host;

    private static final String NETTY_JFR = "io.netty.jfr.enabled";

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        // Netty's buffer allocator registers JFR events at its first chunk, i.e. on the first request: that loads
        // JFR's whole metadata (~0.1-0.3 s on an event loop). Someone recording with JFR can ask for them with -D.
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
        int exit = run(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The exit code of {@code ingate args}; a gateway that started returns it once it is stopped. */
    public static int run(String... args) {
        Optional<ServerArgs> plain = ServerArgs.parse(args);
        if (plain.isEmpty()) {
            return new CommandLine(new Main())
                    .setExecutionExceptionHandler((e, cmd, parsed) -> failed(e))
                    .execute(args);
        }
        Main main = new Main();
        main.config = plain.get().config();
        main.port = plain.get().port();
        main.dataDir = plain.get().dataDir();
        main.host = plain.get().host();
        try {
            return main.call();
        } catch (Exception e) {
            return failed(e);
        }
    }

    private static int failed(Exception e) {
        System.err.println("ingate: " + e.getMessage());
        return 2;
    }

    @Override
    public Integer call() throws InterruptedException {
        Ingate ingate;
        try {
            ingate = Ingate.start(StartupSettings.resolve(config, port, dataDir, host, System.getenv()), System.out);
        } catch (ConfigException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("ingate: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ingate.close();
            stopped.countDown();
        }, "ingate-shutdown"));
        stopped.await();
        return 0;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"Ingate " + Version.current()};
        }
    }
}
