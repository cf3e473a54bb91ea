package io.inferlink.tfserving.rest;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.TestCertificates;
import io.inferlink.emulator.kit.EmulatorObserver;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.PipelineChecks;
import io.inferlink.testkit.PipelineChecks.Op;
import io.inferlink.testkit.ServerObserver;
import io.inferlink.tfserving.Example;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.TensorFlowServing;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation of the TF Serving REST and Paperspace clients, extensions included, through the one
 * pipeline ({@link PipelineChecks}), against the emulator (Paperspace's over TLS).
 */
class RestPipelineTest {
  private static final String TFS = "tfserving+http";
  private static final String PAPERSPACE = "paperspace+https";
  private static final ModelRef IDENTITY = ModelRef.of(KitModels.IDENTITY);
  private static final ModelRef ADD_ONE = ModelRef.of(KitModels.ADD_ONE);
  private static TestCertificates certificates;
  private static Emulator plain;
  private static Emulator tls;

  @BeforeAll
  static void start() {
    certificates = TestCertificates.create();
    plain = Emulator.builder().frontend(new TfServingRestFrontend()).build().start();
    tls = Emulator.builder().frontend(TfServingRestFrontend.builder().tls(certificates).build()).build().start();
  }

  @AfterAll
  static void stop() {
    plain.close();
    tls.close();
  }

  private static Emulator server(String scheme) {
    return scheme.equals(TFS) ? plain : tls;
  }

  private static ServerObserver observer(String scheme) {
    return EmulatorObserver.of(server(scheme));
  }

  private static Function<ClientOptions.Builder, InferenceClient> clients(String scheme) {
    return options -> InferenceClient.create(server(scheme).endpoint(scheme),
        options.trustCertificatesPem(certificates.caCertificatePem()).build());
  }

  private static InferenceRequest identity() {
    return InferenceRequest.builder(KitModels.IDENTITY)
        .input(Tensor.ofFloats(KitModels.IDENTITY_TENSOR, new float[] {3f}, 1, 1)).build();
  }

  private static ExampleInput oneExample() {
    return ExampleInput.of(Example.builder().floats("x", 1f).build());
  }

  static Stream<Arguments> operations() {
    return Stream.of(TFS, PAPERSPACE).flatMap(scheme -> Stream.of(
        new Op(Operation.INFER, "infer", IDENTITY, c -> c.infer(identity())),
        new Op(Operation.MODEL_METADATA, "model.metadata", IDENTITY, c -> c.modelMetadata(IDENTITY)),
        new Op(Operation.MODEL_READY, "model.ready", IDENTITY, c -> c.modelReady(IDENTITY)),
        new Op(Operation.EXTENSION, "model.status", IDENTITY,
            c -> c.unwrap(TensorFlowServing.class).modelStatus(IDENTITY)),
        new Op(Operation.EXTENSION, "regress", ADD_ONE,
            c -> c.unwrap(TensorFlowServing.class).regress(ADD_ONE, null, oneExample())))
        .map(op -> Arguments.of(scheme, op)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operations")
  void anInterceptorSeesTheOperation(String scheme, Op op) {
    PipelineChecks.interceptorSees(op, clients(scheme), observer(scheme));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operations")
  void aShortCircuitSendsNothing(String scheme, Op op) {
    PipelineChecks.shortCircuitSendsNothing(op, clients(scheme), observer(scheme));
  }

  @ParameterizedTest
  @ValueSource(strings = {TFS, PAPERSPACE})
  void aRequestsHeaderGoesWithItsCallOnly(String scheme) {
    PipelineChecks.perCallHeaderGoesWithItsCallOnly(identity(), clients(scheme), observer(scheme));
  }
}
