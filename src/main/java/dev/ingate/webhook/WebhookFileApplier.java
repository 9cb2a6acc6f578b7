package dev.ingate.webhook;

import dev.ingate.config.Origin;
import dev.ingate.config.WebhookSettings.WebhookEntry;
import dev.ingate.keys.KeyHash;
import dev.ingate.secrets.SecretBox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the config file's {@code webhooks:} into the store at start, idempotently, the way the config applier treats
 * providers: each file webhook (id derived from its URL) remembers a hash of its entry; an unchanged entry leaves the
 * stored webhook alone even if the admin API changed it since; a changed entry wins; an entry gone from the file takes
 * its webhook with it unless the admin API has taken it over.
 */
public final class WebhookFileApplier {

    private final WebhookStore store;
    private final SecretBox secrets;

    public WebhookFileApplier(WebhookStore store, SecretBox secrets) {
        this.store = store;
        this.secrets = secrets;
    }

    /** @return whether anything was written */
    public boolean apply(List<WebhookEntry> entries) {
        boolean changed = false;
        for (WebhookEntry entry : entries) {
            String id = fileId(entry.url());
            String hash = hash(entry);
            Optional<Webhook> stored = store.get(id);
            if (stored.isPresent() && hash.equals(stored.get().fileHash())) {
                continue;
            }
            Instant now = Instant.now();
            Webhook hook = new Webhook(id, entry.url(), entry.events(), secrets.seal(entry.secret(), id), entry.enabled(), Origin.FILE, hash,
                    stored.map(Webhook::createdAt).orElse(now), now);
            if (stored.isPresent()) {
                store.update(hook);
            } else {
                store.insert(hook);
            }
            changed = true;
        }
        Set<String> declared = entries.stream().map(e -> fileId(e.url())).collect(Collectors.toSet());
        for (Webhook hook : store.list()) {
            if (hook.origin() == Origin.FILE && !declared.contains(hook.id())) {
                store.delete(hook.id());
                changed = true;
            }
        }
        return changed;
    }

    static String fileId(String url) {
        return "wh_file_" + KeyHash.sha256Hex(url).substring(0, 16);
    }

    /** Includes the secret's hash, so a rotated secret in the file counts as a change. */
    static String hash(WebhookEntry entry) {
        return KeyHash.sha256Hex(String.join("\u0000", entry.url(), String.join("\u0001", entry.events()), KeyHash.sha256Hex(entry.secret()),
                String.valueOf(entry.enabled())));
    }
}
