package dev.ingate.cli;

import dev.ingate.Main;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line (its plain reading and picocli alike): a bad config stops the start with exit code 2 and names file, line and key. */
class MainTest {

    private static String runExpectingFailure(String... args) {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            assertThat(exit).isEqualTo(2);
        } finally {
            System.setErr(originalErr);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownConfigKeyStopsTheStartNamingFileLineAndKey() throws Exception {
        Path dir = Files.createTempDirectory("ingate-main");
        Path config = dir.resolve("ingate.yaml");
        Files.writeString(config, """
                providers:
                  azure:
                    type: openai
                    bse_url: https://x
                """);
        String err = runExpectingFailure("--config", config.toString(), "--data-dir", dir.resolve("data").toString(), "--port", "0");
        assertThat(err).contains("ingate.yaml:4").contains("providers.azure.bse_url").contains("unknown key");
    }

    @Test
    void aRepeatedFlagIsLeftToPicocliWhichRefusesIt() throws Exception {
        Path dir = Files.createTempDirectory("ingate-main");
        String err = runExpectingFailure("--data-dir", dir.toString(), "--port", "0", "--port", "0");
        assertThat(err).contains("--port").contains("only once");
    }

    @Test
    void aMissingConfigFileIsNamed() throws Exception {
        Path dir = Files.createTempDirectory("ingate-main");
        String err = runExpectingFailure("--config", dir.resolve("nope.yaml").toString(), "--data-dir", dir.toString(), "--port", "0");
        assertThat(err).contains("nope.yaml");
    }

    @Test
    void helpListsTheFlags() {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("--help")).as("picocli answers what the plain reading leaves").isZero();
        } finally {
            System.setOut(originalOut);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--config", "--port", "--data-dir");
    }
}
