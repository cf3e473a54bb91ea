/**
 * JMH benchmarks of Inferlink against the code a user would otherwise write (raw grpc-java stubs, a raw
 * Apache HttpClient POST, Jackson databind), against the machine's floor (a copy, a loopback socket) and
 * against Python {@code tritonclient} on a real Triton. Run with {@code benchmarks/run}; not an API.
 */
package io.inferlink.benchmarks;
