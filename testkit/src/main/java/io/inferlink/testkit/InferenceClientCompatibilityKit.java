package io.inferlink.testkit;

import static io.inferlink.testkit.KitChecks.assertFailure;
import static io.inferlink.testkit.KitChecks.assertSameTensor;
import static io.inferlink.testkit.KitChecks.await;
import static io.inferlink.testkit.KitChecks.failureOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.DeadlineExceededException;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.ServerMetadata;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.InferenceClientProvider;
import io.inferlink.spi.ProviderRegistry;
import io.inferlink.spi.support.Redaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The portability contract every {@link InferenceClient} backend must pass, ours or a user's. A
 * backend's test extends this class, points it at a running server hosting the {@link KitModels}
 * models, and names the provider it expects:
 *
 * <pre>
 * class MyBackendCompatibilityTest extends InferenceClientCompatibilityKit {
 *   static Emulator emulator;
 *
 *   &#64;BeforeAll static void start() { emulator = Emulator.builder().frontend(new MyFrontend()).build().start(); }
 *   &#64;AfterAll static void stop() { emulator.close(); }
 *
 *   &#64;Override protected String endpoint() { return emulator.endpoint("my+http"); }
 *   &#64;Override protected String expectedProviderName() { return "my-provider"; }
 *   &#64;Override protected Optional&lt;ServerObserver&gt; observer() { return Optional.of(EmulatorObserver.of(emulator)); }
 * }
 * </pre>
 *
 * <p>The kit owns every assertion. Features are gated on {@link InferenceClient#capabilities()}: a
 * declared capability or element type must work, and an undeclared one must be refused with
 * {@link UnsupportedFeatureException} before anything is sent (the async form as a failed future,
 * the sync form by throwing). Tests that need the {@code fail} and {@code sleep} models, or a view of
 * the server side, are skipped (as JUnit assumptions) when the subclass says they are not available.
 *
 * <p>The checks come in {@code @Nested} groups, one per subject ({@code Discovery}, {@code DataTypes},
 * {@code Shapes}, {@code InputsAndOutputs}, {@code Computation}, {@code VersionsAndLabels},
 * {@code MetadataAndHealth}, {@code ErrorMapping}, {@code DeadlinesAndCancellation},
 * {@code Concurrency}, {@code Lifecycle}, {@code HeadersAndCredentials}, {@code SyncAsyncParity}); JUnit
 * runs every group for every subclass, which needs nothing but the overrides below.
 *
 * <p>Each test gets a fresh client, {@link #client}, closed afterwards. Instances are used by one
 * test thread at a time (JUnit's default) and are not otherwise thread-safe.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class InferenceClientCompatibilityKit {
  private static final String STATIC_HEADER = "x-inferlink-kit-static";
  private static final String ROTATING_HEADER = "x-inferlink-kit-rotating";
  private static final Duration SERVER_WAIT = Duration.ofSeconds(5);

  /** For subclasses: a backend's test class extends the kit and overrides the methods below. */
  protected InferenceClientCompatibilityKit() {}

  /** The client of the current test, made from {@link #baseOptions()}. */
  protected InferenceClient client;

  // ------------------------------------------------------------------ the subclass contract

  /**
   * The endpoint string of a running server that hosts the {@link KitModels} models.
   *
   * @return the endpoint, as {@link InferenceClient#create} takes it
   */
  protected abstract String endpoint();

  /**
   * The name of the provider that {@link java.util.ServiceLoader} discovery must pick for {@link #endpoint()}.
   *
   * @return the provider's name, as its {@code name()} reports it
   */
  protected abstract String expectedProviderName();

  /**
   * Options every client of the kit starts from (TLS material, credentials the server needs...). Called
   * afresh for every client; the kit adds headers, timeouts or credentials on top where a test needs them.
   *
   * @return a new builder the kit owns and may change; plain defaults unless overridden
   */
  protected ClientOptions.Builder baseOptions() {
    return ClientOptions.builder();
  }

  /**
   * The server's view of calls, when the server is one the test controls (the emulator's
   * {@code EmulatorObserver.of(emulator)}); enables the header, authentication and cancellation checks.
   *
   * @return the observer, or empty (the default) when the server cannot be watched and those checks skip
   */
  protected Optional<ServerObserver> observer() {
    return Optional.empty();
  }

  /**
   * Whether the server hosts the {@link KitModels#FAIL} and {@link KitModels#SLEEP} models.
   *
   * @return true when the scripted-failure checks can run; by default, whenever there is an {@link #observer()}
   */
  protected boolean hostsScriptedFailures() {
    return observer().isPresent();
  }

  /**
   * What the server cannot do of the {@link KitModels} contracts ({@link ServerGaps#none()} for the
   * emulator). Each gap turns the matching check from "answers correctly" into "fails cleanly".
   *
   * @return the server's gaps; {@link ServerGaps#none()} unless overridden
   */
  protected ServerGaps serverGaps() {
    return ServerGaps.none();
  }

  // ------------------------------------------------------------------ lifecycle of each test

  @BeforeEach
  void createKitClient() {
    client = newClient(baseOptions());
  }

  @AfterEach
  void closeKitClient() {
    if (client != null) {
      client.close();
    }
  }

  /**
   * A new client for {@link #endpoint()} with these options; the caller closes it.
   *
   * @param options the options to build the client from, usually {@link #baseOptions()} plus a test's additions
   * @return an open client the caller owns and must close
   */
  protected final InferenceClient newClient(ClientOptions.Builder options) {
    return InferenceClient.create(endpoint(), options.build());
  }

  /** ServiceLoader discovery, and the registry choosing the expected provider for the endpoint's scheme. */
  @Nested
  class Discovery {
    @Test
    void serviceLoaderFindsTheExpectedProviderAndTheRegistryChoosesItForTheScheme() {
      Endpoint endpoint = Endpoint.parse(endpoint());
      List<String> names = new ArrayList<>();
      InferenceClientProvider found = null;
      for (var it = ServiceLoader.load(InferenceClientProvider.class).iterator(); ; ) {
        InferenceClientProvider p;
        try {
          if (!it.hasNext()) {
            break;
          }
          p = it.next();
        } catch (ServiceConfigurationError e) {
          continue; // another broken provider is not this backend's fault; the registry skips it too
        }
        names.add(p.name());
        if (p.name().equals(expectedProviderName())) {
          found = p;
        }
      }
      assertNotNull(found, "ServiceLoader found no provider named '" + expectedProviderName() + "' (found " + names
          + "); is META-INF/services/" + InferenceClientProvider.class.getName() + " on the class path?");
      assertTrue(found.schemes().contains(endpoint.scheme()),
          "provider '" + found.name() + "' serves " + found.schemes() + ", not the endpoint's scheme '" + endpoint.scheme() + "'");
      assertTrue(found.isAvailable(), "provider '" + found.name() + "' says it is not available");
      assertEquals(expectedProviderName(), ProviderRegistry.getDefault().resolve(endpoint, baseOptions().build()).name(),
          "the registry chose another provider for " + endpoint.scheme());
      assertEquals(expectedProviderName(), client.providerName(), "providerName() of the created client");
    }

    @Test
    void unknownSchemeOnTheSameHostFailsListingTheKnownSchemes() {
      String text = endpoint();
      String scheme = Endpoint.parse(text).scheme();
      String unknown = "inferlink-kit-unknown" + text.substring(text.indexOf("://"));
      ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
          () -> InferenceClient.create(unknown, baseOptions().providerName(null).build()).close());
      assertTrue(e.getMessage().contains("inferlink-kit-unknown"), "the message should name the scheme: " + e.getMessage());
      assertTrue(e.getMessage().contains(scheme), "the message should list the known schemes, " + scheme
          + " among them: " + e.getMessage());
    }
  }

  /** Every element type round-trips byte for byte through {@code identity}, or is refused before sending. */
  @Nested
  class DataTypes {
    @TestFactory
    Stream<DynamicTest> everyDataTypeRoundTripsByteIdenticallyOrIsRefused() {
      return Stream.of(DataType.values()).map(dtype -> client.capabilities().supports(dtype) && !serverGaps().carries(dtype)
          ? dynamicTest(dtype + " is not carried by the server, which refuses it cleanly",
              () -> assertServerRefuses(dtype + " input", KitRequests.identity(KitTensors.sample(dtype, KitModels.identityTensorName(dtype)))))
          : client.capabilities().supports(dtype) && serverGaps().noNonFiniteFloats() && isFloat(dtype)
          ? dynamicTest(dtype + " round-trips its finite values; NaN and infinities, which the server cannot carry, fail cleanly",
              () -> assertNonFiniteGap(dtype))
          : client.capabilities().supports(dtype)
          ? dynamicTest(dtype + " round-trips through identity byte for byte",
              () -> assertIdentityRoundTrip(dtype + " round trip",
                  KitTensors.sample(dtype, KitModels.identityTensorName(dtype))))
          : dynamicTest(dtype + " is refused with UnsupportedFeatureException before sending",
              () -> assertRefusedBeforeSending(dtype + " input",
                  KitRequests.identity(KitTensors.sample(dtype, KitModels.identityTensorName(dtype))))));
    }

    /**
     * A BOOL tensor wrapped over bytes other than 0 and 1 means true for each of them, whatever the
     * protocol: the identity model must answer 1s, not the bytes that were wrapped.
     */
    @Test
    void wrappedBoolBytesOtherThanZeroOrOneReachTheModelAsTrueOrAreRefused() {
      String name = KitModels.identityTensorName(DataType.BOOL);
      byte[] wrapped = {0, 2, (byte) 0xFF, 1, (byte) 0x80, 0};
      Tensor input = Tensor.wrap(name, DataType.BOOL, java.nio.ByteBuffer.wrap(wrapped), 2, 3);
      if (!client.capabilities().supports(DataType.BOOL)) {
        assertRefusedBeforeSending("wrapped BOOL", KitRequests.identity(input));
        return;
      }
      if (!serverGaps().carries(DataType.BOOL)) {
        assertServerRefuses("wrapped BOOL", KitRequests.identity(input));
        return;
      }
      InferenceResponse response = await("wrapped BOOL", client.inferAsync(KitRequests.identity(input)));
      Tensor answer = outputFor(client, response, name);
      assertNotNull(answer, "no output " + name + ": " + response.outputs().keySet());
      assertEquals(DataType.BOOL, answer.dtype());
      assertArrayEquals(new byte[] {0, 1, 1, 1, 1, 0}, answer.toByteArray(), "the model saw other bytes than 0 and 1");
      assertArrayEquals(new boolean[] {false, true, true, true, true, false}, answer.toBooleanArray());
    }
  }

  /** Scalars, zero-size, rank-5 and multi-mebibyte tensors. */
  @Nested
  class Shapes {
    @Test
    void scalarTensorsRoundTripWhenSupportedOrAreRefused() {
      Tensor scalar = Tensor.ofFloats("s", new float[] {-2.75f});
      Tensor scalarText = Tensor.ofStrings("t", new String[] {"scalar ✓"});
      assertEquals(0, scalar.rank());
      if (client.capabilities().supports(Capability.SCALAR_TENSORS) && serverGaps().noScalars()) {
        assertServerRefuses("scalar input", KitRequests.identity(scalar));
      } else if (client.capabilities().supports(Capability.SCALAR_TENSORS)) {
        assertIdentityRoundTrip("scalars", scalar, scalarText);
      } else {
        assertRefusedBeforeSending("scalar input", KitRequests.identity(scalar));
      }
    }

    @Test
    void zeroSizeTensorsRoundTripWhenSupportedOrAreRefused() {
      Tensor empty2d = Tensor.ofFloats("z", new float[0], 2, 0);
      Tensor empty1d = Tensor.ofLongs("e", new long[0], 0);
      if (client.capabilities().supports(Capability.ZERO_SIZE_TENSORS) && serverGaps().noZeroSize()) {
        assertServerRefuses("zero-size input", KitRequests.identity(empty2d, empty1d));
      } else if (client.capabilities().supports(Capability.ZERO_SIZE_TENSORS)) {
        assertIdentityRoundTrip("zero-size tensors", empty2d, empty1d);
      } else {
        assertRefusedBeforeSending("zero-size input", KitRequests.identity(empty2d));
      }
    }

    @Test
    void rankFiveTensorRoundTrips() {
      assertIdentityRoundTrip("rank 5", KitTensors.rank5("r5"));
    }

    @Test
    void multiMebibyteTensorRoundTrips() {
      Tensor big = KitTensors.large("big", 6);
      assertTrue(big.byteSize() >= 6 * 1024 * 1024);
      InferenceResponse response = await("6 MiB identity", client.inferAsync(KitRequests.identity(big)), Duration.ofSeconds(90));
      assertSameTensor("6 MiB identity", big, outputFor(client, response, "big"));
    }
  }

  /** Several named inputs, requested outputs, request ids, request parameters and signature names. */
  @Nested
  class InputsAndOutputs {
    @Test
    void severalNamedInputsComeBackAsOutputsOfTheSameNames() {
      assertIdentityRoundTrip("three inputs", threeInputs().toArray(new Tensor[0]));
    }

    @Test
    void requestedOutputsReturnOnlyThoseAskedForOrAreRefused() {
      List<Tensor> inputs = threeInputs();
      InferenceRequest request = InferenceRequest.builder(KitModels.IDENTITY).inputs(inputs)
          .requestOutputs(inputs.get(0).name(), inputs.get(2).name()).build();
      if (!client.capabilities().supports(Capability.REQUESTED_OUTPUTS)) {
        assertRefusedBeforeSending("requested outputs", request);
        return;
      }
      InferenceResponse response = await("requested outputs", client.inferAsync(request));
      assertEquals(Set.of(inputs.get(0).name(), inputs.get(2).name()), response.outputs().keySet(),
          "only the requested outputs should come back");
      assertSameTensor("requested outputs", inputs.get(0), response.outputs().get(inputs.get(0).name()));
      assertSameTensor("requested outputs", inputs.get(2), response.outputs().get(inputs.get(2).name()));
    }

    @Test
    void requestIdIsEchoedWhenSupportedOrLeftOutWithoutFailing() {
      InferenceRequest request = KitRequests.identity(KitRequests.small("x")).toBuilder().id("kit-request-42").build();
      InferenceResponse response = await("identity with an id", client.inferAsync(request));
      if (client.capabilities().supports(Capability.REQUEST_ID)) {
        assertEquals("kit-request-42", response.id(), "the request id should come back");
      } else {
        assertNull(response.id(), "a protocol without request ids must not invent one");
      }
    }

    @Test
    void requestParametersAreAcceptedWhenSupportedOrAreRefused() {
      InferenceRequest request = KitRequests.identity(KitRequests.small("x")).toBuilder()
          .parameter("kit_flag", true).parameter("kit_count", 3).parameter("kit_name", "x").build();
      if (!client.capabilities().supports(Capability.REQUEST_PARAMETERS)) {
        assertRefusedBeforeSending("request parameters", request);
        return;
      }
      assertSameTensor("identity with parameters", KitRequests.small("x"),
          outputFor(client, await("identity with parameters", client.inferAsync(request)), "x"));
    }

    @Test
    void signatureNameIsAcceptedWhenSupportedOrIsRefused() {
      InferenceRequest request = KitRequests.identity(KitRequests.small("x")).toBuilder()
          .signatureName(KitModels.DEFAULT_SIGNATURE).build();
      if (!client.capabilities().supports(Capability.SIGNATURE_NAME)) {
        assertRefusedBeforeSending("a signature name", request);
        return;
      }
      assertSameTensor("identity with a signature name", KitRequests.small("x"),
          outputFor(client, await("identity with a signature name", client.inferAsync(request)), "x"));
    }
  }

  /** Real computation: {@code add_one} and the {@code classifier} answer as {@link KitModels} documents. */
  @Nested
  class Computation {
    @Test
    void addOneAddsOneToEveryElement() {
      float[] x = {0f, -1.5f, 1e6f, 0.25f, -0f, 3f};
      InferenceResponse response = await("add_one", client.inferAsync(KitRequests.addOne(Tensor.ofFloats("x", x, 2, 3))));
      Tensor y = outputFor(client, response, KitModels.ADD_ONE_OUTPUT);
      assertNotNull(y, "add_one gave no output y: " + response.outputs().keySet());
      assertEquals(DataType.FP32, y.dtype());
      assertArrayEquals(new long[] {2, 3}, y.shape());
      float[] expected = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        expected[i] = x[i] + 1f;
      }
      assertArrayEquals(expected, y.toFloatArray(), "add_one must return x + 1");
    }

    @Test
    void classifierGivesTheDocumentedLabelsAndScores() {
      float[][] rows = {{5f, 1f, 0f, 0f}, {0f, 3f, 1f, 0f}, {1f, 2f, 3f, 4f}, {0.5f, -0.25f, 0.75f, 0.125f}};
      float[] flat = new float[rows.length * 4];
      for (int r = 0; r < rows.length; r++) {
        System.arraycopy(rows[r], 0, flat, r * 4, 4);
      }
      InferenceRequest request = InferenceRequest.builder(KitModels.CLASSIFIER)
          .input(Tensor.ofFloats(KitModels.CLASSIFIER_INPUT, flat, rows.length, 4)).build();
      InferenceResponse response = await("classifier", client.inferAsync(request));
      Tensor labels = response.output(KitModels.CLASSIFIER_LABEL);
      Tensor scores = response.output(KitModels.CLASSIFIER_SCORES);
      assertEquals(DataType.BYTES, labels.dtype());
      assertArrayEquals(new long[] {rows.length}, labels.shape());
      assertEquals(DataType.FP32, scores.dtype());
      assertArrayEquals(new long[] {rows.length, 3}, scores.shape());
      double[][] expected = KitRequests.expectedScores(rows);
      float[] got = scores.toFloatArray();
      for (int r = 0; r < rows.length; r++) {
        assertEquals(KitRequests.bestClass(expected[r]), labels.toStringList().get(r), "label of row " + r);
        for (int k = 0; k < 3; k++) {
          assertEquals(expected[r][k], got[r * 3 + k], 1e-5, "score " + k + " of row " + r);
        }
      }
      assertEquals(List.of("setosa", "versicolor", "virginica"), labels.toStringList().subList(0, 3),
          "the three hand-picked rows each select another class");
    }
  }

  /** Model versions and version labels, or their refusal. */
  @Nested
  class VersionsAndLabels {
    @Test
    void versionsAnswerWhenSupportedOrAreRefused() {
      assertVersionAnswered(ModelRef.of(KitModels.VERSIONED), "2");
      ModelRef one = ModelRef.of(KitModels.VERSIONED, "1");
      if (!client.capabilities().supports(Capability.MODEL_VERSIONS)) {
        assertRefusedBeforeSending("a model version", KitRequests.versioned(one));
        return;
      }
      if (serverGaps().singleVersion()) {
        // The server has only "2": an explicit version is refused cleanly, or ignored and answered by "2".
        for (String version : List.of("1", "2", "9")) {
          ModelRef ref = ModelRef.of(KitModels.VERSIONED, version);
          InferenceResponse answer;
          try {
            answer = client.inferAsync(KitRequests.versioned(ref)).get(1, TimeUnit.MINUTES);
          } catch (java.util.concurrent.ExecutionException e) {
            assertCleanServerFailure(ref.toString(), Errors.unwrapFutureException(e));
            continue;
          } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            throw new AssertionError(ref + ": no answer", e);
          }
          assertEquals(2L, answer.output(KitModels.VERSIONED_OUTPUT).getLong(0), ref + " was answered by a version the server does not have");
        }
        return;
      }
      assertVersionAnswered(one, "1");
      assertVersionAnswered(ModelRef.of(KitModels.VERSIONED, "2"), "2");
      Throwable missing = failureOf("versioned:9", () -> client.inferAsync(KitRequests.versioned(ModelRef.of(KitModels.VERSIONED, "9"))));
      assertFailure("versioned:9", ModelNotFoundException.class, missing);
    }

    @Test
    void versionLabelsAnswerWhenSupportedOrAreRefused() {
      ModelRef stable = ModelRef.withLabel(KitModels.VERSIONED, KitModels.LABEL_STABLE);
      if (!client.capabilities().supports(Capability.VERSION_LABELS)) {
        assertRefusedBeforeSending("a version label", KitRequests.versioned(stable));
        return;
      }
      assertVersionAnswered(stable, "1");
      assertVersionAnswered(ModelRef.withLabel(KitModels.VERSIONED, KitModels.LABEL_CANARY), "2");
    }

    /** TF Serving answers an unknown label with 400 / INVALID_ARGUMENT; to a caller it is a missing model version. */
    @Test
    void anUnknownVersionLabelIsModelNotFoundWhenLabelsAreSupportedOrIsRefused() {
      InferenceRequest request = KitRequests.versioned(ModelRef.withLabel(KitModels.VERSIONED, "kit_no_such_label"));
      if (!client.capabilities().supports(Capability.VERSION_LABELS)) {
        assertRefusedBeforeSending("an unknown version label", request);
        return;
      }
      assertFailure("an unknown label", ModelNotFoundException.class, failureOf("an unknown label", () -> client.inferAsync(request)));
      assertThrows(ModelNotFoundException.class, () -> client.infer(request), "an unknown label (sync)");
    }
  }

  /** Model metadata, model readiness, server liveness, readiness and metadata, or their refusal. */
  @Nested
  class MetadataAndHealth {
    @Test
    void modelMetadataDescribesAddOneWhenSupportedOrIsRefused() {
      ModelRef addOne = ModelRef.of(KitModels.ADD_ONE);
      if (!client.capabilities().supports(Capability.MODEL_METADATA)) {
        assertRefused("model metadata", c -> c.modelMetadataAsync(addOne), c -> c.modelMetadata(addOne));
        return;
      }
      ModelMetadata metadata = await("add_one metadata", client.modelMetadataAsync(addOne));
      assertEquals(KitModels.ADD_ONE, metadata.name());
      TensorSpec x = metadata.input(KitModels.ADD_ONE_INPUT).orElseThrow(
          () -> new AssertionError("add_one metadata has no input x: " + metadata.inputs()));
      TensorSpec y = metadata.output(KitModels.ADD_ONE_OUTPUT).orElseThrow(
          () -> new AssertionError("add_one metadata has no output y: " + metadata.outputs()));
      assertEquals(new TensorSpec("x", DataType.FP32, new long[] {-1, -1}), x);
      assertEquals(new TensorSpec("y", DataType.FP32, new long[] {-1, -1}), y);
      assertEquals(metadata, client.modelMetadata(addOne), "sync and async metadata differ");
    }

    @Test
    void modelMetadataOfAnUnknownModelIsModelNotFoundOrIsRefused() {
      ModelRef unknown = ModelRef.of(KitRequests.UNKNOWN_MODEL);
      if (!client.capabilities().supports(Capability.MODEL_METADATA)) {
        assertRefused("model metadata", c -> c.modelMetadataAsync(unknown), c -> c.modelMetadata(unknown));
        return;
      }
      assertFailure("metadata of an unknown model", ModelNotFoundException.class,
          failureOf("metadata of an unknown model", () -> client.modelMetadataAsync(unknown)));
      assertThrows(ModelNotFoundException.class, () -> client.modelMetadata(unknown));
    }

    @Test
    void modelReadinessIsTrueForAddOneAndFalseForAnUnknownModelOrIsRefused() {
      ModelRef addOne = ModelRef.of(KitModels.ADD_ONE);
      if (!client.capabilities().supports(Capability.MODEL_READY)) {
        assertRefused("model readiness", c -> c.modelReadyAsync(addOne), c -> c.modelReady(addOne));
        return;
      }
      assertTrue(await("add_one ready", client.modelReadyAsync(addOne)), "add_one should be ready");
      assertTrue(client.modelReady(addOne), "add_one should be ready (sync)");
      ModelRef unknown = ModelRef.of(KitRequests.UNKNOWN_MODEL);
      if (serverGaps().unknownModelReadyFails()) {
        assertCleanServerFailure("unknown model ready", failureOf("unknown model ready", () -> client.modelReadyAsync(unknown)));
        return;
      }
      assertFalse(await("unknown model ready", client.modelReadyAsync(unknown)), "an unknown model is not ready");
    }

    @Test
    void serverIsLiveWhenSupportedOrLivenessIsRefused() {
      if (!client.capabilities().supports(Capability.SERVER_LIVE)) {
        assertRefused("server liveness", InferenceClient::serverLiveAsync, InferenceClient::serverLive);
        return;
      }
      assertTrue(await("server live", client.serverLiveAsync()));
      assertTrue(client.serverLive());
    }

    @Test
    void serverIsReadyWhenSupportedOrReadinessIsRefused() {
      if (!client.capabilities().supports(Capability.SERVER_READY)) {
        assertRefused("server readiness", InferenceClient::serverReadyAsync, InferenceClient::serverReady);
        return;
      }
      assertTrue(await("server ready", client.serverReadyAsync()));
      assertTrue(client.serverReady());
    }

    @Test
    void serverMetadataHasANameWhenSupportedOrIsRefused() {
      if (!client.capabilities().supports(Capability.SERVER_METADATA)) {
        assertRefused("server metadata", InferenceClient::serverMetadataAsync, InferenceClient::serverMetadata);
        return;
      }
      ServerMetadata metadata = await("server metadata", client.serverMetadataAsync());
      assertFalse(metadata.name().isBlank(), "server metadata has no name: " + metadata);
      assertEquals(metadata, client.serverMetadata(), "sync and async server metadata differ");
    }
  }

  /** Server errors arrive as the exceptions of the error table, with the server's message. */
  @Nested
  class ErrorMapping {
    @Test
    void unknownModelIsModelNotFound() {
      InferenceRequest request = KitRequests.unknownModel();
      ModelNotFoundException e = assertFailure("unknown model", ModelNotFoundException.class,
          failureOf("unknown model", () -> client.inferAsync(request)));
      assertEquals(ErrorCode.NOT_FOUND, e.code());
      assertFalse(e.isRetryable(), "a missing model is not retryable");
      assertThrows(ModelNotFoundException.class, () -> client.infer(request));
    }

    @Test
    void wrongInputTypeIsInvalidRequestCarryingTheServerMessage() {
      // Text where numbers are expected: a type error on every wire format (JSON protocols lose the
      // difference between integer and float types, but never the one between text and numbers).
      InferenceRequest request = KitRequests.addOne(Tensor.ofStrings(KitModels.ADD_ONE_INPUT, new String[] {"1", "two"}, 1, 2));
      InvalidRequestException e = assertFailure("add_one with BYTES x", InvalidRequestException.class,
          failureOf("add_one with BYTES x", () -> client.inferAsync(request)));
      assertFalse(e.isRetryable(), "a bad request is not retryable");
      assertNotNull(e.serverMessage(), "the server's message is lost: " + e);
      assertFalse(e.serverMessage().isBlank(), "the server's message is empty: " + e);
      assertTrue(e.getMessage().contains(e.serverMessage()), "the exception message should show the server's: " + e);
      assertThrows(InvalidRequestException.class, () -> client.infer(request));
    }

    @TestFactory
    Stream<DynamicTest> scriptedFailuresRaiseTheExceptionsOfTheErrorTable() {
      assumeScriptedModels();
      return Stream.of(ErrorCode.INVALID_ARGUMENT, ErrorCode.NOT_FOUND, ErrorCode.UNAUTHENTICATED,
              ErrorCode.PERMISSION_DENIED, ErrorCode.FAILED_PRECONDITION, ErrorCode.RESOURCE_EXHAUSTED,
              ErrorCode.UNIMPLEMENTED, ErrorCode.INTERNAL, ErrorCode.UNAVAILABLE, ErrorCode.DEADLINE_EXCEEDED)
          .map(code -> {
            ErrorCode seen = serverGaps().failureCode(code);
            Class<? extends InferenceException> expected = Errors.create(new InferenceException.Details(seen)).getClass();
            return dynamicTest(code + (seen == code ? "" : " (arrives as " + seen + ")") + " raises " + expected.getSimpleName(),
                () -> assertScriptedFailure(code, seen, expected));
          });
    }
  }

  /** Client and per-request deadlines, and cancellation reaching the server. */
  @Nested
  class DeadlinesAndCancellation {
    @Test
    void clientRequestTimeoutEndsASlowCallWithDeadlineExceeded() {
      assumeScriptedModels();
      try (InferenceClient impatient = newClient(baseOptions().requestTimeout(Duration.ofMillis(300)))) {
        long start = System.nanoTime();
        Throwable failure = failureOf("sleep 10 s with a 300 ms timeout", () -> impatient.inferAsync(KitRequests.sleep(10_000)));
        assertElapsedBetween("client timeout", start, Duration.ofMillis(250), Duration.ofSeconds(5));
        DeadlineExceededException e = assertFailure("client timeout", DeadlineExceededException.class, failure);
        assertTrue(e.isRetryable(), "a deadline is retryable");
        assertIdentityRoundTrip(impatient, "after a deadline", KitRequests.small("x"));
      }
    }

    @Test
    void perRequestTimeoutEndsASlowCallWithDeadlineExceeded() {
      assumeScriptedModels();
      InferenceRequest request = KitRequests.sleep(10_000).toBuilder().timeout(Duration.ofMillis(300)).build();
      long start = System.nanoTime();
      assertThrows(DeadlineExceededException.class, () -> client.infer(request));
      assertElapsedBetween("per-request timeout", start, Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    @Test
    void cancellingTheFutureCancelsTheCallOnTheServer() throws InterruptedException {
      assumeScriptedModels();
      String callId = newCallId();
      try (InferenceClient tagged = newClient(baseOptions().header(KitModels.CALL_ID_HEADER, callId))) {
        CompletableFuture<InferenceResponse> call = tagged.inferAsync(KitRequests.sleep(10_000));
        if (observer().isPresent()) {
          assertTrue(observer().get().awaitModelCall(callId, SERVER_WAIT),
              "the server never started the sleep call " + callId);
        } else {
          Thread.sleep(200); // no way to see the call arrive: give it time to be in flight
        }
        assertFalse(call.isDone(), "a 10 s sleep finished early: " + call);
        assertTrue(call.cancel(true), "cancel(true) on a running call should succeed");
        assertTrue(call.isCancelled());
        observer().ifPresent(o -> assertTrue(o.awaitCancelled(callId, SERVER_WAIT),
            "the server did not see call " + callId + " cancelled within " + SERVER_WAIT.toSeconds() + " s"));
        assertIdentityRoundTrip(tagged, "after a cancellation", KitRequests.small("x"));
      }
    }
  }

  /** Concurrent calls on one client. */
  @Nested
  class Concurrency {
    @Test
    void sixtyFourConcurrentCallsOnOneClientEachGetTheirOwnAnswer() throws Exception {
      int calls = 64;
      ExecutorService submitters = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "inferlink-kit-submitter");
        t.setDaemon(true);
        return t;
      });
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<CompletableFuture<InferenceResponse>>> submitted = new ArrayList<>();
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
          Tensor x = Tensor.ofFloats("x", new float[] {i, i + 0.5f, -i, i * 1000.25f}, 4);
          inputs.add(x);
          submitted.add(submitters.submit(() -> {
            go.await();
            return client.inferAsync(KitRequests.identity(x));
          }));
        }
        go.countDown();
        List<CompletableFuture<InferenceResponse>> futures = new ArrayList<>();
        for (Future<CompletableFuture<InferenceResponse>> f : submitted) {
          futures.add(f.get(30, TimeUnit.SECONDS));
        }
        await(calls + " concurrent calls", CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])),
            Duration.ofSeconds(60));
        for (int i = 0; i < calls; i++) {
          assertSameTensor("concurrent call " + i, inputs.get(i), outputFor(client, futures.get(i).join(), "x"));
        }
      } finally {
        submitters.shutdownNow();
      }
    }
  }

  /** {@code close()}: idempotent, refusing later calls, leaving no thread behind. */
  @Nested
  class Lifecycle {
    @Test
    void closeIsIdempotentRefusesLaterCallsAndLeavesNoThreadBehind() throws InterruptedException {
      Set<Thread> before = KitChecks.nonDaemonThreads();
      InferenceClient fresh = newClient(baseOptions());
      assertIdentityRoundTrip(fresh, "before close", KitRequests.small("x"));
      fresh.close();
      fresh.close();
      InferenceRequest request = KitRequests.identity(KitRequests.small("x"));
      // Like every other failure of an asynchronous call, this one arrives in the future, not as a throw.
      assertFailure("a call after close()", IllegalStateException.class,
          failureOf("a call after close()", () -> fresh.inferAsync(request)));
      assertThrows(IllegalStateException.class, () -> fresh.infer(request), "a sync call after close()");
      KitChecks.assertNoNewNonDaemonThreads("client of " + expectedProviderName(), before, SERVER_WAIT);
    }
  }

  /** Static and supplied headers, bearer and Basic credentials reach the server; no echoed secret shows in an exception. */
  @Nested
  class HeadersAndCredentials {
    @Test
    void staticHeaderReachesTheServer() {
      ServerObserver observer = requireObserver();
      String callId = newCallId();
      callIdentity(baseOptions().header(KitModels.CALL_ID_HEADER, callId).header(STATIC_HEADER, "static-value-1"));
      assertEquals("static-value-1", headersOf(observer, callId).get(STATIC_HEADER), "the static header at the server");
    }

    /** Replaces any {@code headersSupplier} of {@link #baseOptions()} for the duration of this test. */
    @Test
    void headersFromTheSupplierAreFetchedAgainForEveryCall() {
      ServerObserver observer = requireObserver();
      String prefix = newCallId();
      AtomicInteger counter = new AtomicInteger();
      List<String> ids = Collections.synchronizedList(new ArrayList<>());
      ClientOptions.Builder options = baseOptions().headersSupplier(() -> {
        int n = counter.incrementAndGet();
        ids.add(prefix + "-" + n);
        return Map.of(KitModels.CALL_ID_HEADER, prefix + "-" + n, ROTATING_HEADER, "rotation-" + n);
      });
      try (InferenceClient rotating = newClient(options)) {
        assertIdentityRoundTrip(rotating, "first rotating call", KitRequests.small("x"));
        String first = ids.get(ids.size() - 1);
        assertIdentityRoundTrip(rotating, "second rotating call", KitRequests.small("x"));
        String second = ids.get(ids.size() - 1);
        assertNotEquals(first, second, "the supplier was not asked again for the second call");
        String firstValue = headersOf(observer, first).get(ROTATING_HEADER);
        String secondValue = headersOf(observer, second).get(ROTATING_HEADER);
        assertEquals("rotation-" + first.substring(prefix.length() + 1), firstValue);
        assertEquals("rotation-" + second.substring(prefix.length() + 1), secondValue);
        assertNotEquals(firstValue, secondValue, "both calls carried the same rotating value");
      }
    }

    @Test
    void bearerTokenReachesTheServerAsAuthorization() {
      ServerObserver observer = requireObserver();
      String callId = newCallId();
      callIdentity(baseOptions().header(KitModels.CALL_ID_HEADER, callId).bearerToken("kit-token-3f9a"));
      assertEquals("Bearer kit-token-3f9a", headersOf(observer, callId).get("authorization"));
    }

    @Test
    void basicCredentialsReachTheServerAsAuthorization() {
      ServerObserver observer = requireObserver();
      String callId = newCallId();
      callIdentity(baseOptions().header(KitModels.CALL_ID_HEADER, callId).basicAuth("kit-user", "kit-pass:1"));
      String expected = "Basic " + Base64.getEncoder().encodeToString("kit-user:kit-pass:1".getBytes(StandardCharsets.UTF_8));
      assertEquals(expected, headersOf(observer, callId).get("authorization"));
    }

    /**
     * The {@code fail} model echoes the request's headers ({@link KitModels#ECHO_HEADERS_HEADER}), as
     * servers and proxies do: no secret the client sent (credentials in every form, secret-named and
     * supplied headers) may show in the exception, its causes or its stack trace, async or sync. Keeps
     * the {@code headersSupplier} of {@link #baseOptions()}, adding to what it supplies.
     */
    @Test
    void credentialsAServerEchoesInAnErrorNeverShowInTheException() {
      ServerObserver observer = requireObserver();
      assumeScriptedModels();
      ClientOptions base = baseOptions().build();
      String visible = "kit-visible-" + UUID.randomUUID().toString().substring(0, 8);
      List<ClientOptions.Builder> credentials = base.hasCredentials() ? List.of(baseOptions())
          : List.of(baseOptions().bearerToken("kit-echoed-token-" + UUID.randomUUID()),
              baseOptions().basicAuth("kit-user", "kit-echoed-pass-" + UUID.randomUUID()));
      for (ClientOptions.Builder options : credentials) {
        String prefix = newCallId();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger counter = new AtomicInteger();
        options.header(KitModels.ECHO_HEADERS_HEADER, "1").header(STATIC_HEADER, visible)
            .header("x-api-key", "kit-echoed-key-" + UUID.randomUUID())
            .headersSupplier(() -> {
              Map<String, String> supplied = new java.util.LinkedHashMap<>();
              if (base.headersSupplier() != null && base.headersSupplier().get() != null) {
                supplied.putAll(base.headersSupplier().get());
              }
              String id = prefix + "-" + counter.incrementAndGet();
              ids.add(id);
              supplied.put(KitModels.CALL_ID_HEADER, id);
              supplied.put(ROTATING_HEADER, "kit-echoed-rotating-" + UUID.randomUUID());
              return supplied;
            });
        InferenceRequest request = failRequest(ErrorCode.PERMISSION_DENIED.grpcCode());
        try (InferenceClient echoed = newClient(options)) {
          Throwable async = failureOf("fail echoing headers", () -> echoed.inferAsync(request));
          assertNoEchoedSecret("async", async, visible, headersOfEvery(observer, ids));
          InferenceException sync = assertThrows(InferenceException.class, () -> echoed.infer(request));
          assertNoEchoedSecret("sync", sync, visible, headersOfEvery(observer, ids));
        }
      }
    }

    @Test
    void headerValuesWithLineBreaksAreRefusedByTheOptionsBuilder() {
      assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().header(STATIC_HEADER, "a\r\nx-injected: 1"));
      assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().header(STATIC_HEADER, "a\nb"));
      assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().header("x-bad\r\nname", "v"));
      assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().bearerToken("t\r\nx-injected: 1"));
    }

    @Test
    void suppliedHeaderWithALineBreakFailsTheCallBeforeSending() {
      String callId = newCallId();
      ClientOptions.Builder options = baseOptions().header(KitModels.CALL_ID_HEADER, callId)
          .headersSupplier(() -> Map.of(STATIC_HEADER, "a\r\nx-injected: 1"));
      InferenceRequest request = KitRequests.identity(KitRequests.small("x"));
      try (InferenceClient bad = newClient(options)) {
        assertFailure("a supplied header with CR/LF", InvalidRequestException.class,
            failureOf("a supplied header with CR/LF", () -> bad.inferAsync(request)));
        assertThrows(InvalidRequestException.class, () -> bad.infer(request));
      }
      observer().ifPresent(o -> assertTrue(o.headersOfCall(callId, Duration.ZERO).isEmpty(),
          "a call with an invalid supplied header reached the server"));
    }
  }

  /** The blocking and asynchronous forms answer and fail alike. */
  @Nested
  class SyncAsyncParity {
    @Test
    void syncAndAsyncGiveTheSameAnswer() {
      String name = KitModels.identityTensorName(DataType.FP32);
      InferenceRequest request = KitRequests.identity(serverGaps().noNonFiniteFloats()
          ? KitTensors.finiteSample(DataType.FP32, name) : KitTensors.sample(DataType.FP32, name));
      InferenceResponse sync = client.infer(request);
      InferenceResponse async = await("async identity", client.inferAsync(request));
      assertEquals(async.outputs(), sync.outputs(), "outputs");
      assertEquals(async.modelName(), sync.modelName(), "model name");
      assertEquals(async.modelVersion(), sync.modelVersion(), "model version");
    }

    @Test
    void syncAndAsyncFailTheSameWay() {
      InferenceRequest request = KitRequests.unknownModel();
      InferenceException sync = assertThrows(InferenceException.class, () -> client.infer(request));
      Throwable async = failureOf("unknown model, async", () -> client.inferAsync(request));
      assertEquals(async.getClass(), sync.getClass(), "exception class");
      assertEquals(async.getMessage(), sync.getMessage(), "exception message");
    }
  }

  // ------------------------------------------------------------------ helpers

  private void assertIdentityRoundTrip(String what, Tensor... inputs) {
    assertIdentityRoundTrip(client, what, inputs);
  }

  private static void assertIdentityRoundTrip(InferenceClient c, String what, Tensor... inputs) {
    InferenceResponse response = await(what, c.inferAsync(KitRequests.identity(inputs)));
    assertEquals(inputs.length, response.outputs().size(), what + ": outputs " + response.outputs().keySet());
    for (Tensor input : inputs) {
      assertSameTensor(what, input, outputFor(c, response, input.name()));
    }
  }

  private void assertVersionAnswered(ModelRef ref, String version) {
    InferenceResponse response = await(ref.toString(), client.inferAsync(KitRequests.versioned(ref)));
    Tensor answered = outputFor(client, response, KitModels.VERSIONED_OUTPUT);
    assertNotNull(answered, ref + " gave no output " + KitModels.VERSIONED_OUTPUT + ": " + response.outputs().keySet());
    assertEquals(Long.parseLong(version), answered.getLong(0), ref + " was answered by another version");
    if (response.modelVersion() != null) {
      assertEquals(version, response.modelVersion(), ref + ": the response names another version");
    }
  }

  private void assertScriptedFailure(ErrorCode code, ErrorCode seen, Class<? extends InferenceException> expected) {
    InferenceRequest request = failRequest(code.grpcCode());
    Throwable failure = failureOf("fail with " + code, () -> client.inferAsync(request));
    InferenceException e = assertFailure("fail with " + code, InferenceException.class, failure);
    assertEquals(expected, e.getClass(), "exception for " + code + ": " + e);
    assertEquals(seen.isRetryable(), e.isRetryable(), "isRetryable() for " + code);
    assertNotNull(e.serverMessage(), "the server's message is lost: " + e);
    assertTrue(e.serverMessage().contains("scripted failure"), "server message for " + code + ": " + e.serverMessage());
    assertEquals(expected, assertThrows(InferenceException.class, () -> client.infer(request)).getClass(), "sync " + code);
  }

  /**
   * The output answering for {@code name}. With {@link Capability#OUTPUT_NAMES} it is looked up by
   * name, nothing else; without it (KServe V1 calls a lone output {@code predictions}) a lone output
   * of another name is taken by position and renamed, so the comparisons that follow still apply.
   */
  private static Tensor outputFor(InferenceClient c, InferenceResponse response, String name) {
    if (!c.capabilities().supports(Capability.OUTPUT_NAMES) && response.outputs().size() == 1
        && !response.outputs().containsKey(name)) {
      return response.firstOutput().withName(name);
    }
    return response.outputs().get(name);
  }

  /**
   * The {@code fail} request; its code goes as INT64 when the client cannot carry INT32 (JSON
   * protocols without types, like KServe V1, send integers as such and the server types them by the
   * model's INT32 input).
   */
  private InferenceRequest failRequest(int grpcCode) {
    if (client.capabilities().supports(DataType.INT32)) {
      return KitRequests.fail(grpcCode);
    }
    return InferenceRequest.builder(KitModels.FAIL)
        .input(Tensor.ofLongs(KitModels.FAIL_TENSOR, new long[] {grpcCode}, 1)).build();
  }

  private static boolean isFloat(DataType dtype) {
    return dtype == DataType.FP16 || dtype == DataType.BF16 || dtype == DataType.FP32 || dtype == DataType.FP64;
  }

  private void assertNonFiniteGap(DataType dtype) {
    String name = KitModels.identityTensorName(dtype);
    assertIdentityRoundTrip(dtype + " finite values", KitTensors.finiteSample(dtype, name));
    InferenceRequest full = KitRequests.identity(KitTensors.sample(dtype, name));
    Throwable failure = failureOf(dtype + " with NaN and infinities", () -> client.inferAsync(full));
    if (!(failure instanceof UnsupportedFeatureException)) {
      assertCleanServerFailure(dtype + " with NaN and infinities", failure);
    }
  }

  /** A request the server cannot take (a {@link ServerGaps gap}) fails cleanly on the server's side. */
  private void assertServerRefuses(String what, InferenceRequest request) {
    assertCleanServerFailure(what, failureOf(what, () -> client.inferAsync(request)));
    assertCleanServerFailure(what + " (sync)", assertThrows(InferenceException.class, () -> client.infer(request)));
  }

  /** A typed failure that carries the server's own message: not a transport error, not a client refusal. */
  private static void assertCleanServerFailure(String what, Throwable failure) {
    InferenceException e = assertFailure(what, InferenceException.class, failure);
    assertFalse(e instanceof io.inferlink.UnavailableException || e instanceof DeadlineExceededException,
        what + ": the server should answer with an error, not drop the call: " + e);
    assertNotNull(e.serverMessage(), what + ": the server's message is lost: " + e);
    assertFalse(e.serverMessage().isBlank(), what + ": the server's message is empty: " + e);
  }

  private void assertRefusedBeforeSending(String what, InferenceRequest request) {
    assertRefused(what, c -> c.inferAsync(request), c -> c.infer(request));
  }

  /**
   * Asserts an unsupported call fails with {@link UnsupportedFeatureException} both ways, from a client
   * tagged with a fresh call id, and (with an observer) that the server never saw that id.
   */
  private void assertRefused(String what, Function<InferenceClient, CompletableFuture<?>> async,
      Consumer<InferenceClient> sync) {
    String callId = newCallId();
    try (InferenceClient tagged = newClient(baseOptions().header(KitModels.CALL_ID_HEADER, callId))) {
      assertFailure(what + " (async)", UnsupportedFeatureException.class, failureOf(what, () -> async.apply(tagged)));
      assertThrows(UnsupportedFeatureException.class, () -> sync.accept(tagged), what + " (sync)");
    }
    // The refusal came back after any answer would have, so a call that was sent is recorded by now.
    observer().ifPresent(o -> assertTrue(o.headersOfCall(callId, Duration.ZERO).isEmpty(),
        what + ": refused as unsupported, but only after the server saw the call"));
  }

  /**
   * The failure shows the server's echo (else nothing was checked) and none of the secrets in the
   * headers the server saw: secret-named ones, the supplied rotating one, and an Authorization's
   * credentials alone and, for Basic, decoded.
   */
  private static void assertNoEchoedSecret(String what, Throwable failure, String visible, List<Map<String, String>> calls) {
    InferenceException e = assertFailure(what, InferenceException.class, failure);
    assertTrue(String.valueOf(e.serverMessage()).contains(visible), what + ": the server's message should echo the"
        + " request headers (header " + KitModels.ECHO_HEADERS_HEADER + "), so this check checks something: " + e);
    List<String> secrets = new ArrayList<>();
    for (Map<String, String> seen : calls) {
      seen.forEach((name, value) -> {
        // Pseudo-headers (gRPC's ":authority") are the transport's, not secrets the client was given.
        if (!name.startsWith(":") && (Redaction.isSecretName(name) || name.equals(ROTATING_HEADER))) {
          secrets.add(value);
        }
      });
      String authorization = seen.get("authorization");
      if (authorization != null && authorization.indexOf(' ') > 0) {
        String credentials = authorization.substring(authorization.indexOf(' ') + 1);
        secrets.add(credentials);
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
          String pair = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
          secrets.add(pair);
          secrets.add(pair.substring(pair.indexOf(':') + 1));
        }
      }
    }
    SecretLeaks.assertNoneShown(what, e, secrets);
  }

  /** The headers of every call made so far with these ids (a client may make several per operation). */
  private static List<Map<String, String>> headersOfEvery(ServerObserver observer, List<String> ids) {
    List<Map<String, String>> out = new ArrayList<>();
    for (String id : List.copyOf(ids)) {
      out.add(headersOf(observer, id));
    }
    return out;
  }

  private void callIdentity(ClientOptions.Builder options) {
    try (InferenceClient c = newClient(options)) {
      assertIdentityRoundTrip(c, "identity", KitRequests.small("x"));
    }
  }

  private static Map<String, String> headersOf(ServerObserver observer, String callId) {
    return observer.headersOfCall(callId, SERVER_WAIT)
        .orElseThrow(() -> new AssertionError("the server never saw call " + callId));
  }

  private List<Tensor> threeInputs() {
    for (DataType needed : List.of(DataType.FP32, DataType.INT64, DataType.BYTES)) {
      assertTrue(client.capabilities().supports(needed), "the kit needs " + needed + "; the client supports only "
          + client.capabilities().dataTypes());
    }
    return List.of(Tensor.ofFloats("a", new float[] {1f, -2f, 3.5f, 0f}, 2, 2),
        // One shared first dimension, so row-oriented protocols (TF Serving's "instances") carry it too.
        Tensor.ofLongs("b", new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 2),
        Tensor.ofStrings("c", new String[] {"first", "zwei ✓"}, 2));
  }

  private ServerObserver requireObserver() {
    Assumptions.assumeTrue(observer().isPresent(), "no ServerObserver: the server side cannot be checked");
    return observer().get();
  }

  private void assumeScriptedModels() {
    Assumptions.assumeTrue(hostsScriptedFailures(), "the server does not host the 'fail' and 'sleep' models");
  }

  private static String newCallId() {
    return "kit-" + UUID.randomUUID();
  }

  private static void assertElapsedBetween(String what, long startNanos, Duration min, Duration max) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    if (elapsed.compareTo(min) < 0 || elapsed.compareTo(max) > 0) {
      fail(what + " took " + elapsed.toMillis() + " ms; expected between " + min.toMillis() + " and " + max.toMillis() + " ms");
    }
  }
}
