package dev.ingate.observe.trace;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Attribute names of Ingate's spans: the GenAI and HTTP semantic conventions where they have a name,
 * {@code ingate.*} for the rest. Made once, not per span.
 */
final class SpanKeys {

    static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    static final AttributeKey<String> SERVICE_VERSION = AttributeKey.stringKey("service.version");

    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
    /** The older name of gen_ai.provider.name, which many backends still read. */
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
    static final AttributeKey<String> INGATE_PROVIDER = AttributeKey.stringKey("ingate.provider");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<Long> CACHE_READ_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
    static final AttributeKey<Long> CACHE_CREATION_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens");

    static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("ingate.request_id");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("ingate.attempts");
    static final AttributeKey<Long> TTFT_MS = AttributeKey.longKey("ingate.ttft_ms");
    static final AttributeKey<Double> OVERHEAD_MS = AttributeKey.doubleKey("ingate.overhead_ms");
    static final AttributeKey<String> KEY_NAME = AttributeKey.stringKey("ingate.key_name");
    static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("ingate.session_id");
    static final AttributeKey<String> USER = AttributeKey.stringKey("ingate.user");

    private SpanKeys() {
    }
}
