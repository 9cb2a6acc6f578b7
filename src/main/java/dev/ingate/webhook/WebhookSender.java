package dev.ingate.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Posts one signed payload with the JDK's HTTP client, on its own threads: nothing here touches an event loop. Every
 * call ends within the timeout, with the receiver's status or the reason there was none.
 */
final class WebhookSender {

    /** @param retryable false when another attempt cannot help (the webhook is gone or disabled) */
    record Result(Integer statusCode, String error, boolean retryable) {

        Result(Integer statusCode, String error) {
            this(statusCode, error, true);
        }

        static Result givenUp(String why) {
            return new Result(null, why, false);
        }

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final Duration timeout;
    /** Made at the first delivery: building one loads the JDK's TLS stack (~0.2 s of CPU on a cold JVM), which a
     * gateway without webhooks never needs and a start should not wait for. */
    private HttpClient client;

    WebhookSender(Duration timeout) {
        this.timeout = timeout;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }

    CompletableFuture<Result> send(String url, String eventType, String deliveryId, String signature, byte[] body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Ingate-Webhooks")
                    .header("X-Ingate-Event", eventType)
                    .header("X-Ingate-Delivery", deliveryId)
                    .header(WebhookSignature.HEADER, signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException badUrl) {
            return CompletableFuture.completedFuture(new Result(null, "invalid url: " + badUrl.getMessage()));
        }
        return client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Result(response.statusCode(), null))
                .exceptionally(failure -> new Result(null, describe(failure)));
    }

    private String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
