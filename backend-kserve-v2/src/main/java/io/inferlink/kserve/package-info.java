/**
 * The KServe backend: V1 REST, and the V2 Open Inference Protocol over REST and gRPC. Public here:
 * {@link io.inferlink.kserve.KServePaths}, the request paths KServe's own helpers generate. The
 * providers land with the rest of the backend; the codecs in {@code internal} are already tested.
 */
package io.inferlink.kserve;
