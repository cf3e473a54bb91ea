/**
 * The portability check as a JDK-only API: {@link io.inferlink.parity.Parity} sends one request to
 * several servers at once and compares every output with the first server's within a
 * {@link io.inferlink.parity.Tolerance}; {@link io.inferlink.parity.ParityReport} says what each server
 * answered and where they differ, and {@link io.inferlink.parity.ParityReport#assertMatches()} throws a
 * plain {@link java.lang.AssertionError}, so it serves a JUnit test and the command line alike.
 */
package io.inferlink.parity;
