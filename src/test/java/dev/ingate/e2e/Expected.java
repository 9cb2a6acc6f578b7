package dev.ingate.e2e;

import dev.ingate.testkit.CannedUsage;

/**
 * What the record of one request sent by a test must say.
 *
 * @param provider null when no provider was resolved (an unknown one: 404)
 * @param model    the requested model; null when Ingate refused the request before reading it
 * @param tokens   null when the answer carried no usage (an upstream error, a client gone before the end)
 * @param priced   the price catalog knows the model, so the record must carry a cost
 * @param streamed the answer was streamed and its first event reached the client, so a TTFT is due
 */
record Expected(String id, String keyName, String provider, String model, String path, int status, String session, String user,
                CannedUsage.Tokens tokens, boolean priced, boolean streamed) {

    /** The provider label of ingate_requests_total for this request. */
    String providerLabel() {
        return provider == null ? "none" : provider;
    }

    /** The model label of ingate_requests_total for this request. */
    String modelLabel() {
        return model == null ? "unknown" : model;
    }

    long input() {
        return tokens == null ? 0 : tokens.input();
    }

    long output() {
        return tokens == null ? 0 : tokens.output();
    }

    long cached() {
        return tokens == null ? 0 : tokens.cached();
    }
}
