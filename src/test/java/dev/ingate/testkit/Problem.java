package dev.ingate.testkit;

/**
 * Why a strict mock refuses a request, in the terms the real API uses: its message, and for
 * OpenAI-style envelopes the offending parameter and error code (null where the real API sends null).
 */
record Problem(String message, String param, String code) {

    static Problem of(String message) {
        return new Problem(message, null, null);
    }

    static Problem at(String param, String code, String message) {
        return new Problem(message, param, code);
    }
}
