package dev.ingate.guard.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.ingate.guard.detect.DetectorAssert.finds;
import static dev.ingate.guard.detect.DetectorAssert.findsNothing;
import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    private static final Detector SECRETS = Secrets.detector();

    @ParameterizedTest
    @ValueSource(strings = {
            "sk-proj-Ab3dEf5hIj7kLm9nOp1qRs3tUv5wXy7z",
            "sk-ant-api03-Ab3dEf5hIj7kLm9nOp1qRs3tUv5wXy7zAb3dEf5h-AA",
            "sk-ingate-test0123456789abcdefghijklmnopqrstuv",
            "sk-1234567890abcdefghijklmnopqrstuvwxyzABCD",
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTU",
            "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
            "xoxp-123456789012-1234567890123",
            "AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"})
    void findsVendorKeys(String key) {
        finds(SECRETS, key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-short", "sk-this-is-a-long-hyphenated-phrase-here", "task-1234567890abcdefghijklmnop", "AKIA1234",
            "akiaiosfodnn7example", "ghp_tooShort", "xoxz-123456789012-1234567890123", "AIzaShort", "eyJhbGciOi.notajwt",
            "-----BEGIN PUBLIC KEY-----"})
    void ignoresLookAlikes(String text) {
        findsNothing(SECRETS, text);
    }

    @Test
    void findsAWholePrivateKeyBlock() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1234567890abcdef\nXYZ==\n-----END RSA PRIVATE KEY-----";
        String text = "my key:\n" + key + "\nthanks";
        List<Match> matches = SECRETS.findAll(text);
        assertThat(matches).hasSize(1);
        assertThat(text.substring(matches.get(0).start(), matches.get(0).end())).isEqualTo(key);
    }

    @Test
    void anUnterminatedPrivateKeyCountsToTheEnd() {
        String text = "cut here -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA";
        List<Match> matches = SECRETS.findAll(text);
        assertThat(matches).singleElement().satisfies(m -> assertThat(m.end()).isEqualTo(text.length()));
    }
}
