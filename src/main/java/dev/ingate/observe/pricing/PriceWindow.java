package dev.ingate.observe.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import tools.jackson.databind.JsonNode;

/**
 * Prices together with when they apply: always, from a date on (a price change), or during a
 * daily UTC interval (DeepSeek's off-peak hours). A model lists one or more of these; the last
 * one in force wins, and the first one is the fallback when none is (genai-prices' rule).
 *
 * @param startDate first UTC day these prices apply, or null
 * @param startTime start of the daily UTC interval (inclusive), or null
 * @param endTime   end of the daily UTC interval (exclusive), or null
 */
record PriceWindow(LocalDate startDate, LocalTime startTime, LocalTime endTime, Rates rates) {

    static PriceWindow always(Rates rates) {
        return new PriceWindow(null, null, null, rates);
    }

    boolean activeAt(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        if (startDate != null && utc.toLocalDate().isBefore(startDate)) {
            return false;
        }
        if (startTime != null && endTime != null) {
            LocalTime t = utc.toLocalTime();
            // An interval that wraps midnight (22:00–06:00) is in force outside [end, start).
            return startTime.isBefore(endTime)
                    ? !t.isBefore(startTime) && t.isBefore(endTime)
                    : !t.isBefore(startTime) || t.isBefore(endTime);
        }
        return true;
    }

    static PriceWindow parse(JsonNode conditional) {
        Rates rates = Rates.parse(conditional.get("prices"));
        JsonNode c = conditional.path("constraint");
        LocalDate date = c.has("start_date") ? LocalDate.parse(c.get("start_date").asString()) : null;
        LocalTime start = c.has("start_time") ? utcTime(c.get("start_time").asString()) : null;
        LocalTime end = c.has("end_time") ? utcTime(c.get("end_time").asString()) : null;
        return new PriceWindow(date, start, end, rates);
    }

    // The data writes "00:30:00Z"; a time without an offset is taken as UTC too.
    private static LocalTime utcTime(String text) {
        if (text.endsWith("Z") || text.contains("+") || text.lastIndexOf('-') > 0) {
            return OffsetTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
        }
        return LocalTime.parse(text);
    }
}
