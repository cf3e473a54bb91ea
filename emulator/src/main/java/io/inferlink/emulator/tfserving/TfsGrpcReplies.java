package io.inferlink.emulator.tfserving;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.inferlink.ErrorCode;
import io.inferlink.emulator.ScriptedFailure;
import java.util.function.Supplier;

/**
 * How the gRPC frontend answers a unary call: the response, or the failure as a gRPC status whose
 * code number is the failure's ({@code ToGRPCStatus} casts the absl code 1:1) and whose description
 * is its message, cut at 1024 characters and suffixed {@code ...TRUNCATED} as TF Serving does
 * (PROTOCOLS.md §2.1). Stateless.
 */
final class TfsGrpcReplies {
  /** TF Serving's {@code kErrorMessageLimit}. */
  static final int MESSAGE_LIMIT = 1024;

  private TfsGrpcReplies() {}

  /** Runs {@code work} and sends what it gives, or the status of what it throws. */
  static <T> void answer(StreamObserver<T> observer, Supplier<T> work) {
    T response;
    try {
      response = work.get();
    } catch (TfsError e) {
      observer.onError(status(e.code(), e.getMessage()));
      return;
    } catch (ScriptedFailure f) {
      observer.onError(status(f.code(), f.getMessage()));
      return;
    } catch (RuntimeException | LinkageError | AssertionError e) {
      observer.onError(status(ErrorCode.INTERNAL, "emulator error: " + e));
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  static StatusRuntimeException status(ErrorCode code, String message) {
    String text = message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) + "...TRUNCATED" : message;
    return Status.fromCodeValue(code.grpcCode()).withDescription(text).asRuntimeException();
  }
}
