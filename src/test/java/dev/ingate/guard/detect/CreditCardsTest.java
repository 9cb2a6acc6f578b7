package dev.ingate.guard.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.ingate.guard.detect.DetectorAssert.finds;
import static dev.ingate.guard.detect.DetectorAssert.findsNothing;

class CreditCardsTest {

    private static final Detector CARDS = CreditCards.detector();

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5500 0000 0000 0004",
            "3782 822463 10005", "6011000990139424", "4222222222222"})
    void findsLuhnValidNumbers(String number) {
        finds(CARDS, number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "4111 1111 1111 1112", "5500 0000 0000 0005", "4111 1111 111", "0000000000000000",
            "12345678901234567890123", "4111 1111-1111 1111"})
    void ignoresLuhnFailuresAndWrongLengths(String text) {
        findsNothing(CARDS, text);
    }
}
