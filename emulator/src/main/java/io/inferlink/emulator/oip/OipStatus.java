package io.inferlink.emulator.oip;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.inferlink.emulator.ScriptedFailure;
import java.util.function.Supplier;

/**
 * How the frontend answers a unary call: the response, or a gRPC status. Protocol errors are thrown
 * as {@link StatusRuntimeException}s (KServe's codes, PROTOCOLS.md §3.9); a {@link ScriptedFailure}
 * keeps its code number and message; anything else is INTERNAL. Stateless.
 */
final class OipStatus {
  private OipStatus() {}

  static StatusRuntimeException invalid(String message) {
    return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
  }

  static StatusRuntimeException notFound(String message) {
    return Status.NOT_FOUND.withDescription(message).asRuntimeException();
  }

  /** Runs {@code work} and sends what it gives, or the status of what it throws. */
  static <T> void answer(StreamObserver<T> observer, Supplier<T> work) {
    T response;
    try {
      response = work.get();
    } catch (StatusRuntimeException e) {
      observer.onError(e);
      return;
    } catch (ScriptedFailure f) {
      observer.onError(Status.fromCodeValue(f.grpcCode()).withDescription(f.getMessage()).asRuntimeException());
      return;
    } catch (RuntimeException | LinkageError | AssertionError e) {
      observer.onError(Status.INTERNAL.withDescription("emulator error: " + e).asRuntimeException());
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }
}
