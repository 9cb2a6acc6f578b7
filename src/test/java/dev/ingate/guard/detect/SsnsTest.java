package dev.ingate.guard.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.ingate.guard.detect.DetectorAssert.finds;
import static dev.ingate.guard.detect.DetectorAssert.findsNothing;

class SsnsTest {

    private static final Detector SSNS = Ssns.detector();

    @ParameterizedTest
    @ValueSource(strings = {"123-45-6789", "078-05-1120", "123 45 6789", "665-12-3456", "899-99-9999"})
    void findsIssuableNumbers(String ssn) {
        finds(SSNS, ssn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "987-65-4321", "123-00-6789", "123-45-0000", "123456789",
            "123-45 6789", "1234-56-7890", "123-45-67890"})
    void ignoresNumbersNeverIssuedAndOtherShapes(String text) {
        findsNothing(SSNS, text);
    }
}
