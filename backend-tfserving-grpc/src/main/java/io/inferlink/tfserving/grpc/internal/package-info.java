/** Internal to Inferlink: the TF Serving gRPC client, its message mapping and provider. Not an API. */
package io.inferlink.tfserving.grpc.internal;
