package io.inferlink.emulator.oip;

import com.google.protobuf.Message;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.inferlink.emulator.ModelScript;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.RepositoryModelLoadResponse;
import io.inferlink.protos.internal.inference.RepositoryModelUnloadResponse;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexResponse;
import io.inferlink.protos.internal.inference.TritonRepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelLoadResponse;
import io.inferlink.protos.internal.inference.TritonRepositoryModelUnloadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelUnloadResponse;
import java.util.Set;
import java.util.function.Function;

/**
 * Puts the repository calls of one form into {@code inference.GRPCInferenceService}. The generated
 * service binds RepositoryModelLoad/Unload to KServe's messages; for KServe those bindings are
 * answered, for Triton they are replaced by bindings of the same full names to Triton's messages, plus
 * RepositoryIndex, whose descriptors are built here (the protos declare no Triton service). Stateless.
 */
final class OipGrpcRepository {
  private static final Set<String> REPLACED = Set.of("RepositoryModelLoad", "RepositoryModelUnload");

  private OipGrpcRepository() {}

  /** The service's definition, with the repository calls of {@code repository}'s form (none when null). */
  static ServerServiceDefinition bind(BindableService service, OipModelRepository repository, ModelScript script) {
    ServerServiceDefinition generated = service.bindService();
    if (repository == null) {
      return generated;
    }
    String name = generated.getServiceDescriptor().getName();
    ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(name);
    for (ServerMethodDefinition<?, ?> m : generated.getMethods()) {
      if (!REPLACED.contains(m.getMethodDescriptor().getBareMethodName())) {
        b.addMethod(m);
      }
    }
    if (repository.form() == OipModelRepository.Form.KSERVE) {
      b.addMethod(GRPCInferenceServiceGrpc.getRepositoryModelLoadMethod(), unary(r -> {
        repository.load(script, r.getModelName());
        return RepositoryModelLoadResponse.newBuilder().setModelName(r.getModelName()).setIsLoaded(true).build();
      }));
      b.addMethod(GRPCInferenceServiceGrpc.getRepositoryModelUnloadMethod(), unary(r -> {
        repository.unload(script, r.getModelName());
        return RepositoryModelUnloadResponse.newBuilder().setModelName(r.getModelName()).setIsUnloaded(true).build();
      }));
      return b.build();
    }
    b.addMethod(method(name, "RepositoryIndex", TritonRepositoryIndexRequest.getDefaultInstance(),
        TritonRepositoryIndexResponse.getDefaultInstance()), unary(r -> {
          TritonRepositoryIndexResponse.Builder index = TritonRepositoryIndexResponse.newBuilder();
          for (OipModelRepository.Entry e : repository.index(script, r.getReady())) {
            index.addModelsBuilder().setName(e.name()).setVersion(e.version()).setState(e.state()).setReason(e.reason());
          }
          return index.build();
        }));
    b.addMethod(method(name, "RepositoryModelLoad", TritonRepositoryModelLoadRequest.getDefaultInstance(),
        TritonRepositoryModelLoadResponse.getDefaultInstance()), unary(r -> {
          repository.load(script, r.getModelName());
          return TritonRepositoryModelLoadResponse.getDefaultInstance();
        }));
    b.addMethod(method(name, "RepositoryModelUnload", TritonRepositoryModelUnloadRequest.getDefaultInstance(),
        TritonRepositoryModelUnloadResponse.getDefaultInstance()), unary(r -> {
          repository.unload(script, r.getModelName());
          return TritonRepositoryModelUnloadResponse.getDefaultInstance();
        }));
    return b.build();
  }

  private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> method(String service, String method,
      Q request, R response) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(service, method))
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response))
        .build();
  }

  private static <Q, R> ServerCallHandler<Q, R> unary(Function<Q, R> work) {
    return ServerCalls.asyncUnaryCall((request, observer) -> OipStatus.answer(observer, () -> work.apply(request)));
  }
}
