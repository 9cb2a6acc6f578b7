package dev.ingate.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretBoxHintAndThreadsTest {

    @Test
    void hintShowsPrefixAndLastFour() {
        assertThat(SecretBox.hint("sk-abcdefghijklmnopwxyz")).isEqualTo("sk-…wxyz");
        assertThat(SecretBox.hint("abcdefghijkl")).isEqualTo("abc…ijkl");
    }

    @Test
    void shortSecretsShowOnlyTheirLastTwo() {
        assertThat(SecretBox.hint("abcdefghijk")).isEqualTo("…jk");
        assertThat(SecretBox.hint("abcde")).isEqualTo("…de");
    }

    @Test
    void tinySecretsShowNothing() {
        assertThat(SecretBox.hint("abcd")).isEqualTo("…");
        assertThat(SecretBox.hint("")).isEqualTo("…");
        assertThat(SecretBox.hint(null)).isEqualTo("…");
    }

    @Test
    void sealsAndOpensFromEightThreads() throws Exception {
        SecretBox box = new SecretBox(SecretBoxTest.key(3));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int i = 0; i < 500; i++) {
                        String secret = "sk-thread-" + thread + "-" + i;
                        String provider = "p" + thread;
                        if (!box.openText(box.sealToText(secret, provider), provider).equals(secret)) {
                            throw new AssertionError("mismatch in thread " + thread);
                        }
                    }
                    return 500;
                });
            }
            int total = 0;
            for (Future<Integer> done : pool.invokeAll(tasks)) {
                total += done.get();
            }
            assertThat(total).isEqualTo(4000);
        } finally {
            pool.shutdownNow();
        }
    }
}
