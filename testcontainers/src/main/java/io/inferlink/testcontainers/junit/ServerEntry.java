package io.inferlink.testcontainers.junit;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.testcontainers.lifecycle.Startable;

/** A matrix entry that is a server (a container, usually) and the functions that read its endpoints once started. */
final class ServerEntry extends MatrixEntry {
  private final Startable server;
  private final List<Supplier<String>> endpoints;

  <T extends Startable> ServerEntry(String name, T server, List<Function<? super T, String>> endpoints) {
    super(name);
    this.server = server;
    this.endpoints = endpoints.stream().<Supplier<String>>map(f -> () -> f.apply(server)).toList();
  }

  Startable server() {
    return server;
  }

  @Override
  Stream<MatrixTarget> targets(MatrixRun run) {
    RuntimeException failure = run.start(this).failure();
    if (failure != null) {
      return Stream.of(MatrixTarget.failed(name(), "(failed to start)", failure));
    }
    return IntStream.range(0, endpoints.size()).mapToObj(this::target);
  }

  private MatrixTarget target(int index) {
    String which = "endpoint " + (index + 1) + " of " + endpoints.size();
    String endpoint;
    try {
      endpoint = endpoints.get(index).get();
    } catch (RuntimeException e) {
      return MatrixTarget.failed(name(), "(" + which + " failed)", e);
    }
    if (endpoint == null) {
      // A started server without the endpoint is a broken container class, not a reason to skip.
      return MatrixTarget.failed(name(), "(" + which + " is null)",
          new IllegalStateException(which + " of server '" + name() + "' is null"));
    }
    return MatrixTarget.of(name(), endpoint);
  }

  @Override
  String unselectedLabel() {
    return "(not started)";
  }
}
