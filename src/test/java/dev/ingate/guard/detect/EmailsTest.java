package dev.ingate.guard.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.ingate.guard.detect.DetectorAssert.finds;
import static dev.ingate.guard.detect.DetectorAssert.findsNothing;

class EmailsTest {

    private static final Detector EMAILS = Emails.detector();

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe@example.com", "j+tag@mail.example.co.uk", "x_y-z%1@sub-domain.io", "A.B@EXAMPLE.ORG"})
    void findsAddresses(String address) {
        finds(EMAILS, address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@localhost", "@handle", "name@domain.c", ".dot@example.com", "a..b@example.com", "foo@bar",
            "ends.with.dot.@example.com", "example.com", "name at example dot com"})
    void ignoresLookAlikes(String text) {
        findsNothing(EMAILS, text);
    }
}
