package dev.ingate.budget;

import dev.ingate.config.BudgetPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Budget periods in UTC: their names (for accounts and markers), first day and end. */
final class Periods {

    private Periods() {
    }

    /** {@code d2026-12-01}, {@code m2026-12} or {@code total}. */
    static String id(BudgetPeriod period, long nowMillis) {
        LocalDate day = day(nowMillis);
        return switch (period) {
            case DAY -> "d" + day;
            case MONTH -> "m" + day.toString().substring(0, 7);
            case TOTAL -> "total";
        };
    }

    /** The first UTC day of the period as the rollups name days ({@code 2026-12-01}); "" for total (every day). */
    static String firstDay(BudgetPeriod period, long nowMillis) {
        LocalDate first = firstLocalDay(period, nowMillis);
        return first == null ? "" : first.toString();
    }

    /** When the period began, or null for total (it has no beginning: all spend counts). */
    static Instant start(BudgetPeriod period, long nowMillis) {
        LocalDate first = firstLocalDay(period, nowMillis);
        return first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate firstLocalDay(BudgetPeriod period, long nowMillis) {
        LocalDate day = day(nowMillis);
        return switch (period) {
            case DAY -> day;
            case MONTH -> day.withDayOfMonth(1);
            case TOTAL -> null;
        };
    }

    /** When the period ends (epoch millis), or {@link Long#MAX_VALUE} for total. */
    static long endMillis(BudgetPeriod period, long nowMillis) {
        LocalDate day = day(nowMillis);
        return switch (period) {
            case DAY -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            case MONTH -> day.withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            case TOTAL -> Long.MAX_VALUE;
        };
    }

    private static LocalDate day(long nowMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC);
    }
}
