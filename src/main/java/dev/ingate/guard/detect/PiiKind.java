package dev.ingate.guard.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The kinds of personal data and secrets a {@code pii} rule can look for; the wire name is also the redaction label. */
public enum PiiKind {
    EMAIL(Emails::detector),
    PHONE(Phones::detector),
    CREDIT_CARD(CreditCards::detector),
    IBAN(Ibans::detector),
    SSN(Ssns::detector),
    IP(IpAddresses::detector),
    SECRET(Secrets::detector);

    private final Supplier<Detector> factory;

    PiiKind(Supplier<Detector> factory) {
        this.factory = factory;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Detector detector() {
        return factory.get();
    }

    public static Optional<PiiKind> ofWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(PiiKind::wireName).toList());
    }
}
