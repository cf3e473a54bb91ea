/**
 * Internal to Inferlink: the gRPC plumbing every gRPC backend shares (channels from
 * {@link io.inferlink.ClientOptions}, headers as metadata, unary calls as futures with deadlines and
 * cancellation, status mapping). Not an API; no type here appears in a public signature.
 */
package io.inferlink.transport.grpc.internal;
