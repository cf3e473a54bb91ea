/**
 * A small load harness for failover and chaos tests: {@link io.inferlink.testkit.load.LoadRun} keeps a
 * fixed number of calls in flight, runs scripted events (kill a server, overload another) when a given
 * call starts, and gives a {@link io.inferlink.testkit.load.LoadReport} of calls, attempts (counted by an
 * {@link io.inferlink.testkit.load.AttemptCounter} added to the client as an attempt interceptor),
 * failures and latency percentiles. Core only, like the rest of the kit.
 */
package io.inferlink.testkit.load;
