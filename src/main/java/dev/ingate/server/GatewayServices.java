package dev.ingate.server;

import dev.ingate.admin.AdminContext;
import dev.ingate.dispatch.Dispatcher;
import dev.ingate.events.GatewayEvents;
import dev.ingate.guard.Guardrails;
import dev.ingate.redis.SharedRedis;
import dev.ingate.route.RoutePlanner;
import dev.ingate.observe.GatewayMetrics;
import dev.ingate.observe.pricing.PriceCatalog;
import dev.ingate.pipeline.ExchangeObserver;
import dev.ingate.pipeline.GatewayState;

import java.util.Optional;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** What the verticles need from the database side, handed over once it is open and migrated. */
public record GatewayServices(Supplier<GatewayState> state, AdminContext admin, BooleanSupplier databaseUp,
                              GatewayMetrics metrics, ExchangeObserver observer, Optional<String> metricsToken,
                              PriceCatalog prices, Dispatcher.Shared dispatch, RoutePlanner planner,
                              Optional<SharedRedis> redis, GatewayEvents events,
                              dev.ingate.cache.ResponseCache cache,
                              Guardrails guardrails,
                              dev.ingate.limits.RateLimits rateLimits, dev.ingate.budget.Budgets budgets) {
}
