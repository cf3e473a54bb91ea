package io.inferlink.kserve.internal;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.inferlink.kserve.ModelIndexEntry;
import io.inferlink.protos.internal.inference.RepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.RepositoryModelLoadResponse;
import io.inferlink.protos.internal.inference.RepositoryModelUnloadRequest;
import io.inferlink.protos.internal.inference.RepositoryModelUnloadResponse;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexResponse;
import io.inferlink.protos.internal.inference.TritonRepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelLoadResponse;
import io.inferlink.protos.internal.inference.TritonRepositoryModelUnloadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelUnloadResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The model repository RPCs of both wire forms, built by hand: KServe and Triton serve the same full
 * method names ({@code inference.GRPCInferenceService/RepositoryModelLoad} ...) with different
 * messages, and one generated service can only hold one of them. A descriptor is just a name and two
 * marshallers, so each form gets its own set over its own messages. Immutable and thread-safe.
 */
final class V2GrpcRepositoryMethods {
  /** The service both forms live in, as in {@code grpc_predict_v2.proto}. */
  static final String SERVICE = "inference.GRPCInferenceService";

  static final MethodDescriptor<RepositoryModelLoadRequest, RepositoryModelLoadResponse> KSERVE_LOAD =
      unary("RepositoryModelLoad", RepositoryModelLoadRequest.getDefaultInstance(),
          RepositoryModelLoadResponse.getDefaultInstance());
  static final MethodDescriptor<RepositoryModelUnloadRequest, RepositoryModelUnloadResponse> KSERVE_UNLOAD =
      unary("RepositoryModelUnload", RepositoryModelUnloadRequest.getDefaultInstance(),
          RepositoryModelUnloadResponse.getDefaultInstance());

  static final MethodDescriptor<TritonRepositoryIndexRequest, TritonRepositoryIndexResponse> TRITON_INDEX =
      unary("RepositoryIndex", TritonRepositoryIndexRequest.getDefaultInstance(),
          TritonRepositoryIndexResponse.getDefaultInstance());
  static final MethodDescriptor<TritonRepositoryModelLoadRequest, TritonRepositoryModelLoadResponse> TRITON_LOAD =
      unary("RepositoryModelLoad", TritonRepositoryModelLoadRequest.getDefaultInstance(),
          TritonRepositoryModelLoadResponse.getDefaultInstance());
  static final MethodDescriptor<TritonRepositoryModelUnloadRequest, TritonRepositoryModelUnloadResponse> TRITON_UNLOAD =
      unary("RepositoryModelUnload", TritonRepositoryModelUnloadRequest.getDefaultInstance(),
          TritonRepositoryModelUnloadResponse.getDefaultInstance());

  private V2GrpcRepositoryMethods() {}

  /** Triton's index as neutral entries, in the server's order. */
  static List<ModelIndexEntry> entries(TritonRepositoryIndexResponse response) {
    List<ModelIndexEntry> out = new ArrayList<>(response.getModelsCount());
    for (TritonRepositoryIndexResponse.ModelIndex m : response.getModelsList()) {
      out.add(new ModelIndexEntry(m.getName(), m.getVersion(), m.getState(), m.getReason()));
    }
    return List.copyOf(out);
  }

  private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> unary(String method, Q request,
      R response) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, method))
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response))
        .build();
  }
}
