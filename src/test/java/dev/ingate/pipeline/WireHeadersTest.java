package dev.ingate.pipeline;

import io.netty.util.AsciiString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Values and names are byte strings (what makes Netty copy them instead of encoding them a char at a time). */
class WireHeadersTest {

    @Test
    void valuesAndNamesAreAsciiStringsWithTheSameText() {
        assertThat(WireHeaders.ascii("01a23123-7fcc")).isInstanceOf(AsciiString.class).hasToString("01a23123-7fcc");
        assertThat(WireHeaders.ascii(999_845_594L)).isInstanceOf(AsciiString.class).hasToString("999845594");
        assertThat(WireHeaders.REQUEST_ID).isInstanceOf(AsciiString.class).hasToString(Exchange.REQUEST_ID);
        assertThat(WireHeaders.OVERHEAD_MS).hasToString(Exchange.OVERHEAD_MS);
    }
}
