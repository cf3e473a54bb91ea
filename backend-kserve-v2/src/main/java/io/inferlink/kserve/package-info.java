/**
 * The KServe backend: V1 REST, and the V2 Open Inference Protocol over REST and gRPC. Public here:
 * {@link io.inferlink.kserve.KServePaths}, the request paths KServe's own helpers generate;
 * {@link io.inferlink.kserve.KServeOptions}, the providers' options; and
 * {@link io.inferlink.kserve.ModelRepository} with {@link io.inferlink.kserve.ModelIndexEntry}, the model
 * repository extension reached with {@code unwrap} from V2 REST and gRPC clients; and
 * {@link io.inferlink.kserve.KServeV1} with {@link io.inferlink.kserve.KServeExplanation}, V1's explain
 * and model list, reached with {@code unwrap} from {@code kserve-v1+http(s)} clients. Providers,
 * clients and codecs live in {@code internal}.
 */
package io.inferlink.kserve;
