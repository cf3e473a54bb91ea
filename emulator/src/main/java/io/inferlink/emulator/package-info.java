/**
 * The emulator's protocol-free core and its loopback plumbing. {@link
 * io.inferlink.emulator.ModelScript} defines the models (the built-ins of {@link
 * io.inferlink.emulator.KitContract} and any a test adds), {@link io.inferlink.emulator.ModelCall}
 * is one call as a frontend hands it over, and {@link io.inferlink.emulator.ScriptedFailure}
 * is how a model fails. Protocol frontends ({@link io.inferlink.emulator.ProtocolFrontend})
 * translate their wire format to and from these and run on {@link
 * io.inferlink.emulator.LoopbackServer}s bound to 127.0.0.1 only; an {@link
 * io.inferlink.emulator.Emulator} runs one script behind several frontends and records what
 * the server side saw in a {@link io.inferlink.emulator.CallRecorder}.
 *
 * <p>A frontend's job, in order: record the call's headers ({@link
 * io.inferlink.emulator.CallRecorder#track}), resolve the model ({@link
 * io.inferlink.emulator.ModelScript#resolve}), build a {@code ModelCall}, cancel it when the
 * client goes away or its deadline passes, run {@link io.inferlink.emulator.ModelScript#infer},
 * and map a {@code ScriptedFailure} to its protocol status (HTTP through {@link
 * io.inferlink.spi.support.HttpStatusTable#toHttpStatus} unless the emulated server has its own table, gRPC
 * by {@link io.inferlink.ErrorCode#grpcCode()}).
 *
 * <p>Every frontend of ours has one skeleton, {@link io.inferlink.emulator.LoopbackFrontend}: a
 * protocol name, its plain and TLS schemes, the settings of a {@link
 * io.inferlink.emulator.FrontendBuilder} (TLS, request cap) and the one way a server is made for an
 * emulator; a frontend extends {@link io.inferlink.emulator.HttpFrontend} or {@link
 * io.inferlink.emulator.GrpcFrontend} and only says what its server serves. Both servers share one
 * lifecycle, {@link io.inferlink.emulator.AbstractLoopbackServer} (start, maximum lifetime, close
 * once), and one set of settings, {@link io.inferlink.emulator.LoopbackServerBuilder}.
 *
 * <p>HTTP frontends run on {@link io.inferlink.emulator.HttpLoopbackServer}, a small
 * HTTP/1.1 server of our own on a plain socket (optionally TLS or mutual TLS): unlike the JDK's, it
 * sees a client hang up while a route runs, and tells the route through {@link
 * io.inferlink.emulator.HttpCall#onClientGone}, which is how a frontend cancels its {@code
 * ModelCall}. gRPC frontends run on {@link io.inferlink.emulator.GrpcLoopbackServer}, a
 * grpc-java Netty server with its own event loops and threads; {@link
 * io.inferlink.emulator.GrpcCalls} gives a service the call's metadata and cancels a {@code
 * ModelCall} when its gRPC call is cancelled, times out or the server shuts down. Models may also
 * classify or regress {@link io.inferlink.emulator.Example}s ({@link
 * io.inferlink.emulator.ScriptedModel#classify}), for protocols that have those APIs.
 * {@link io.inferlink.emulator.TestCertificates} makes throw-away TLS material for servers and clients.
 */
package io.inferlink.emulator;
