/**
 * How a client spreads its calls over several endpoints: replicas of one server
 * ({@code kserve-v2+grpc://a:8001,b:8001}) and fallback endpoints of any protocol
 * ({@link io.inferlink.ClientOptions.Builder#fallbackEndpoints}). The policies are set on
 * {@link io.inferlink.ClientOptions}: {@link io.inferlink.routing.Balancing}, health checks, and
 * {@link io.inferlink.routing.OutlierEjection}. The state of such a client is its
 * {@link io.inferlink.routing.EndpointGroup}, reached with {@code client.unwrap(EndpointGroup.class)}.
 */
package io.inferlink.routing;
