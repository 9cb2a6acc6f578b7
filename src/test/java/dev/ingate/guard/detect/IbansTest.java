package dev.ingate.guard.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.ingate.guard.detect.DetectorAssert.finds;
import static dev.ingate.guard.detect.DetectorAssert.findsNothing;

class IbansTest {

    private static final Detector IBANS = Ibans.detector();

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "FR1420041010050500013M02606",
            "NL91ABNA0417164300", "NO9386011117947"})
    void findsValidIbans(String iban) {
        finds(IBANS, iban);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013001", "GB82 WEST 1234 5698 7654 33", "DE8937040044053201300", "ZZ89370400440532013000",
            "NL91ABNA041716430"})
    void ignoresBadChecksumsLengthsAndCountries(String text) {
        findsNothing(IBANS, text);
    }
}
