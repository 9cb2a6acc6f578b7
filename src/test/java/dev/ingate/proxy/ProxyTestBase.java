package dev.ingate.proxy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One {@link ProxyFixture} per test class, started once, with the mocks reset before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProxyTestBase {

    protected ProxyFixture fx;

    /** The fixture this class runs against; override for extra config. */
    protected ProxyFixture createFixture() throws Exception {
        return new ProxyFixture("");
    }

    @BeforeAll
    void startFixture() throws Exception {
        fx = createFixture();
    }

    @AfterAll
    void stopFixture() {
        fx.close();
    }

    @BeforeEach
    void resetMocks() {
        fx.clear();
    }
}
