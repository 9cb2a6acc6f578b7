package dev.ingate.translate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The fixture comparison must be able to fail, or every golden test passes for nothing. */
class FixturesTest {

    @Test
    void differentJsonDoesNotCompareEqual() {
        assertThatThrownBy(() -> Fixtures.assertSameJson("{\"model\":\"gpt-4o-mini\"}", "openai/request-plain.json"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aNumberOfAnotherValueDoesNotCompareEqual() {
        String almost = Fixtures.read("openai/request-plain.json").replace("100", "101");
        assertThatThrownBy(() -> Fixtures.assertSameJson(almost, "openai/request-plain.json")).isInstanceOf(AssertionError.class);
    }
}
