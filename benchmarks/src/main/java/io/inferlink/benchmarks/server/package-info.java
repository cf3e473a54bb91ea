/**
 * Loopback servers whose own cost is as small as we can make it, so a benchmark measures the client:
 * echo servers for the Open Inference Protocol (gRPC and REST, binary and JSON) and TF Serving gRPC,
 * and a raw socket echo for the floor. All bind 127.0.0.1 and stop themselves after a maximum lifetime.
 */
package io.inferlink.benchmarks.server;
