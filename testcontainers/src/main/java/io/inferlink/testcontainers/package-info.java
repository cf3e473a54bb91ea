/**
 * Real model servers in Docker containers for tests, through Testcontainers: {@link
 * io.inferlink.testcontainers.TfServingContainer}, {@link io.inferlink.testcontainers.TritonServerContainer}
 * (Triton or a PyTriton script), {@link io.inferlink.testcontainers.OpenVinoModelServerContainer},
 * {@link io.inferlink.testcontainers.KServeContainer} (a runtime image or a custom predictor script),
 * {@link io.inferlink.testcontainers.MLServerContainer} and {@link io.inferlink.testcontainers.TorchServeContainer}.
 * Each starts its server the way the server's own documentation does, waits for its readiness URL, and
 * hands out the Inferlink endpoint strings it serves, so a test calls the real server exactly as the
 * application will: {@code InferenceClient.create(container.kserveV2GrpcEndpoint())}. The mechanism they
 * share (bridge or host networking, endpoint strings, readiness, scripts) is in
 * {@link io.inferlink.testcontainers.ModelServerContainer}. {@link io.inferlink.testcontainers.RequiresDocker}
 * skips a test class with one printed line where Docker is missing, or fails it when
 * {@code REQUIRE_DOCKER=true}.
 *
 * <p>The module depends on core and Testcontainers only; add the backends your endpoints need
 * ({@code inferlink-backend-kserve-v2}, ...).
 *
 * <p><b>Why there is no module-info.</b> Testcontainers 2.0.5 ships no module descriptor and no
 * {@code Automatic-Module-Name}, so on the module path its name is derived from the jar's file name
 * ({@code testcontainers}); a descriptor here would have to say {@code requires transitive testcontainers},
 * a name Testcontainers never promised (a proposal upstream would call it {@code org.testcontainers.core}),
 * and Maven warns against publishing a module that requires a file-name-derived module. So the jar has no
 * descriptor and names itself {@code io.inferlink.testcontainers} through {@code Automatic-Module-Name}:
 * on the class path it works as any library; on the module path it is an automatic module that reads
 * whatever Testcontainers is called there.
 */
package io.inferlink.testcontainers;
