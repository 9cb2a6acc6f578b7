package dev.ingate.guard.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.ingate.guard.detect.DetectorAssert.finds;
import static dev.ingate.guard.detect.DetectorAssert.findsNothing;

class IpAddressesTest {

    private static final Detector IPS = IpAddresses.detector();

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.20", "10.0.0.1", "255.255.255.255", "0.0.0.0", "2001:db8::ff00:42:8329",
            "2001:0db8:0000:0000:0000:ff00:0042:8329", "fe80::1", "::1"})
    void findsAddresses(String ip) {
        finds(IPS, ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "192.168.1.300", "1.2.3", "1.2.3.4.5", "192.168.01.1", "12:30:45", "00:1A:2B:3C:4D:5E",
            "std::vector", "1::2::3", "dead:beef", "a:b:c:d:e:f:0:1:2"})
    void ignoresOutOfRangeAndLookAlikes(String text) {
        findsNothing(IPS, text);
    }
}
