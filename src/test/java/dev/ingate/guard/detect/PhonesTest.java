package dev.ingate.guard.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.ingate.guard.detect.DetectorAssert.finds;
import static dev.ingate.guard.detect.DetectorAssert.findsNothing;

class PhonesTest {

    private static final Detector PHONES = Phones.detector();

    @ParameterizedTest
    @ValueSource(strings = {"+14155550123", "+1 415 555 0123", "+44 20 7946 0958", "+49 (0)30 1234567", "+33 6 12 34 56 78",
            "(415) 555-0123", "415-555-0123", "415.555.0123", "020 7946 0958", "030/1234567", "06 12 34 56 78"})
    void findsNumbers(String number) {
        finds(PHONES, number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4155550123", "order 1234567890", "2024-01-15", "version 1.2.3.4", "+1", "+12 34", "12:30:45",
            "123-456-7890", "3.14159265", "ISBN 978-3-16-148410-0"})
    void ignoresDigitRunsDatesAndVersions(String text) {
        findsNothing(PHONES, text);
    }
}
