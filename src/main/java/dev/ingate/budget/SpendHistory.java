package dev.ingate.budget;

/** What was spent before this process started counting, from what was recorded. Blocking: never on an event loop. */
@FunctionalInterface
public interface SpendHistory {

    SpendHistory NONE = (keyId, firstDay) -> 0;

    /**
     * @param keyId    a key's spend, or null for all spend
     * @param firstDay {@code YYYY-MM-DD}: spend on this UTC day and after; "" for all time
     * @return nano-dollars
     */
    long spentNanos(String keyId, String firstDay);
}
