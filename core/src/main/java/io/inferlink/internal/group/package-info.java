/**
 * Client groups: one client over several endpoints (replicas of one server, fallback endpoints of any
 * protocol), with balancing, failover, outlier ejection, health checks and hedging. Built by
 * {@link io.inferlink.spi.ProviderRegistry}; users see it through {@link io.inferlink.InferenceClient} and the
 * status view {@link io.inferlink.routing.EndpointGroup}. Not exported.
 */
package io.inferlink.internal.group;
