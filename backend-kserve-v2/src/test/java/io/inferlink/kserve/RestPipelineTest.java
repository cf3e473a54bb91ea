package io.inferlink.kserve;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.emulator.oip.OipModelRepository;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.PipelineChecks;
import io.inferlink.testkit.PipelineChecks.Op;
import io.inferlink.testkit.ServerObserver;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation of the KServe V1 and Open Inference Protocol REST clients, extensions included,
 * through the one pipeline ({@link PipelineChecks}), against the emulator.
 */
class RestPipelineTest {
  private static final String V1 = "kserve-v1+http";
  private static final String V2 = "kserve-v2+http";
  private static final ModelRef IDENTITY = ModelRef.of(KitModels.IDENTITY);
  private static Emulator emulator;
  private static ServerObserver observer;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(5)).frontend(new KServeV1RestFrontend())
        .frontend(OipRestFrontend.builder().repository(OipModelRepository.triton()).build()).build().start();
    observer = EmulatorObserver.of(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Function<ClientOptions.Builder, InferenceClient> clients(String scheme) {
    return options -> InferenceClient.create(emulator.endpoint(scheme), options.build());
  }

  private static InferenceRequest identity() {
    return InferenceRequest.builder(KitModels.IDENTITY)
        .input(Tensor.ofFloats(KitModels.IDENTITY_TENSOR, new float[] {3f}, 1, 1)).build();
  }

  static Stream<Arguments> operations() {
    return Stream.of(
        Arguments.of(V1, new Op(Operation.INFER, "infer", IDENTITY, c -> c.infer(identity()))),
        Arguments.of(V1, new Op(Operation.MODEL_READY, "model.ready", IDENTITY, c -> c.modelReady(IDENTITY))),
        Arguments.of(V1, new Op(Operation.SERVER_LIVE, "server.live", null, InferenceClient::serverLive)),
        Arguments.of(V1, new Op(Operation.EXTENSION, "explain", IDENTITY,
            c -> c.unwrap(KServeV1.class).explain(identity()))),
        Arguments.of(V1, new Op(Operation.EXTENSION, "models", null, c -> c.unwrap(KServeV1.class).listModels())),
        Arguments.of(V2, new Op(Operation.INFER, "infer", IDENTITY, c -> c.infer(identity()))),
        Arguments.of(V2, new Op(Operation.MODEL_METADATA, "model.metadata", IDENTITY, c -> c.modelMetadata(IDENTITY))),
        Arguments.of(V2, new Op(Operation.MODEL_READY, "model.ready", IDENTITY, c -> c.modelReady(IDENTITY))),
        Arguments.of(V2, new Op(Operation.SERVER_LIVE, "server.live", null, InferenceClient::serverLive)),
        Arguments.of(V2, new Op(Operation.SERVER_READY, "server.ready", null, InferenceClient::serverReady)),
        Arguments.of(V2, new Op(Operation.SERVER_METADATA, "server.metadata", null, InferenceClient::serverMetadata)),
        Arguments.of(V2, new Op(Operation.EXTENSION, "repository.index", null,
            c -> c.unwrap(ModelRepository.class).index())));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operations")
  void anInterceptorSeesTheOperation(String scheme, Op op) {
    PipelineChecks.interceptorSees(op, clients(scheme), observer);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operations")
  void aShortCircuitSendsNothing(String scheme, Op op) {
    PipelineChecks.shortCircuitSendsNothing(op, clients(scheme), observer);
  }

  @ParameterizedTest
  @ValueSource(strings = {V1, V2})
  void aRequestsHeaderGoesWithItsCallOnly(String scheme) {
    PipelineChecks.perCallHeaderGoesWithItsCallOnly(identity(), clients(scheme), observer);
  }
}
