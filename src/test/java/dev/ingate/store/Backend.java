package dev.ingate.store;

import dev.ingate.testkit.TestDatabases;
import dev.ingate.testkit.TestDatabases.Place;

/** The two databases every store test runs against, each handing out a fresh place that is removed afterwards. */
enum Backend {

    SQLITE {
        @Override
        Place newPlace() {
            // a subdirectory that does not exist yet: Database.open must create it
            return TestDatabases.sqlite("ingate-store-test", "data/ingate.db");
        }
    },

    POSTGRES {
        @Override
        Place newPlace() {
            return TestDatabases.postgres("ingate_test_");
        }
    };

    abstract Place newPlace();
}
