package dev.ingate;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain reading of the usual command line; whatever it does not read is left to picocli. */
class ServerArgsTest {

    @Test
    void readsTheFourFlagsInBothForms() {
        assertThat(ServerArgs.parse("--config", "a.yaml", "--port=9000", "--data-dir", "d", "--host=127.0.0.1"))
                .contains(new ServerArgs(Path.of("a.yaml"), 9000, Path.of("d"), "127.0.0.1"));
        assertThat(ServerArgs.parse()).contains(new ServerArgs(null, null, null, null));
        assertThat(ServerArgs.parse("--port", "0")).contains(new ServerArgs(null, 0, null, null));
    }

    @Test
    void leavesEverythingElseToPicocli() {
        assertThat(ServerArgs.parse("--help")).isEmpty();
        assertThat(ServerArgs.parse("-V")).isEmpty();
        assertThat(ServerArgs.parse("rotate-master-key", "--data-dir", "d")).isEmpty();
        assertThat(ServerArgs.parse("--port")).as("a flag without its value").isEmpty();
        assertThat(ServerArgs.parse("--port", "eighty")).isEmpty();
        assertThat(ServerArgs.parse("--port", "1", "--port", "2")).as("a repeated flag").isEmpty();
        assertThat(ServerArgs.parse("--config", "--port")).isEmpty();
        assertThat(ServerArgs.parse("--config", "@args.txt")).as("picocli's argument files").isEmpty();
        assertThat(ServerArgs.parse("--cfg", "a.yaml")).isEmpty();
    }
}
