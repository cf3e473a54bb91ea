/**
 * OpenVINO Model Server: the {@code ovms+http(s)} and {@code ovms+grpc(s)} endpoints, their options
 * ({@link io.inferlink.ovms.OvmsOptions}: the KServe API by default, {@code api=tfs} for the TF
 * Serving API of servers up to 2026.2), the OVMS-only operations reached with
 * {@code client.unwrap(Ovms.class)} ({@link io.inferlink.ovms.Ovms}: configuration status and reload,
 * Prometheus metrics), and {@link io.inferlink.ovms.OvmsImages}, which builds the encoded-picture
 * inputs OVMS decodes for image models.
 */
package io.inferlink.ovms;
