/**
 * Run the same JUnit 5 test methods against several model servers: {@link
 * io.inferlink.testcontainers.junit.InferenceMatrix}, a Jupiter extension, and {@link
 * io.inferlink.testcontainers.junit.MatrixTest}, a test template that runs once per endpoint.
 *
 * <pre>{@code
 * class PortabilityTest {
 *   static TritonServerContainer triton = new TritonServerContainer(...);
 *   static KServeContainer kserve = new KServeContainer(...);
 *
 *   @RegisterExtension
 *   static InferenceMatrix matrix = InferenceMatrix.builder()
 *       .server("triton", triton, TritonServerContainer::kserveV2GrpcEndpoint)
 *       .server("kserve", kserve, KServeContainer::kserveV2HttpEndpoint, KServeContainer::kserveV2GrpcEndpoint)
 *       .endpointFromEnvironment("staging", "STAGING_ENDPOINT")
 *       .build();
 *
 *   @MatrixTest
 *   void addsOne(InferenceClient client) {
 *     InferenceResponse r = client.infer(InferenceRequest.builder("add_one")
 *         .input(Tensor.ofFloats("x", new float[] {1f}, 1, 1)).build());
 *     assertEquals(2f, r.output("y").toFloatArray()[0]);
 *   }
 * }
 * }</pre>
 *
 * <p>Runs are named {@code [triton] kserve-v2+grpc://127.0.0.1:32771}, credentials masked. What a
 * user can count on:
 *
 * <ul>
 *   <li><b>Servers</b> (any Testcontainers {@code Startable}) start the first time one of their runs is
 *       next, once per test class, one after another; {@code startInParallel()} starts all selected
 *       servers together when the class's first matrix test begins. They stop after the class (the last
 *       started first). A class with no matrix test starts none, and servers left out by the selection
 *       never start. The matrix owns their lifecycle: do not also mark them {@code @Container}.
 *   <li><b>A server that fails to start</b> fails its own runs, in every matrix test of the class, with a
 *       {@link io.inferlink.testcontainers.junit.MatrixServerException} whose message and cause are the
 *       server's error; the other servers' runs go on. It is started once, not once per test. A server
 *       that fails to stop fails the class.
 *   <li><b>Parameters</b>, resolved per run in the test and its {@code @BeforeEach}/{@code @AfterEach}
 *       methods: {@code InferenceClient} (created on first use with the matrix's {@code clientOptions},
 *       shared by that run's methods, closed after the last {@code @AfterEach}),
 *       {@link io.inferlink.testcontainers.junit.MatrixEndpoint} (name, endpoint, scheme) and
 *       {@code String} (the endpoint string) for tests that build their own client.
 *   <li><b>Plain endpoints</b> need no Docker: {@code endpoint(name, string)} (null or blank skips the run
 *       with "no endpoint given for 'name'") and {@code endpointFromEnvironment(name, variable)}
 *       ("environment variable VARIABLE is not set"). A malformed endpoint fails its run, without
 *       showing the string.
 *   <li><b>Selection</b>: {@code -Dinferlink.matrix=triton,kserve} runs only those entries (a JUnit
 *       configuration parameter of that name comes first, the {@code INFERENCE_MATRIX} environment
 *       variable last); each
 *       other entry shows one skipped run saying it was not selected. Names not in a matrix are ignored,
 *       so one setting can serve test classes with different matrices.
 *   <li><b>{@code @Nested}</b> classes run their own {@code @MatrixTest} methods with the enclosing
 *       class's matrix and servers; the servers stop after the outermost class that declared the matrix.
 * </ul>
 *
 * <p>Register the matrix on a {@code static} field, or an instance field of a
 * {@code @TestInstance(PER_CLASS)} class. On an instance field of an ordinary class JUnit cannot see
 * it when it expands the template and fails the method with "You must register at least one
 * TestTemplateInvocationContextProvider". Several matrices in one class each add their runs to every matrix test. Classes that
 * share one matrix field (through a common superclass) each start and stop its servers: do not run
 * them in parallel.
 */
package io.inferlink.testcontainers.junit;
