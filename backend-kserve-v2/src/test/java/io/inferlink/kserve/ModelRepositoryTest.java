package io.inferlink.kserve;

import static io.inferlink.kserve.RepositoryEmulator.GRPC;
import static io.inferlink.kserve.RepositoryEmulator.REST;
import static io.inferlink.kserve.RepositoryEmulator.addOne;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Capability;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.emulator.oip.OipModelRepository;
import io.inferlink.testkit.KitModels;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ModelRepository} over {@code kserve-v2+http} and {@code kserve-v2+grpc}, in Triton's and
 * KServe's forms, against the emulator: listing, and load/unload really changing what the server says
 * about readiness, metadata and inference.
 */
class ModelRepositoryTest {

  @ParameterizedTest
  @ValueSource(strings = {REST, GRPC})
  void bothClientsOfferTheExtension(String scheme) {
    try (RepositoryEmulator server = new RepositoryEmulator(OipModelRepository.triton());
        InferenceClient client = server.client(scheme, KServeOptions.Repository.TRITON)) {
      assertTrue(client.capabilities().supports(Capability.MODEL_REPOSITORY));
      ModelRepository repo = client.unwrap(ModelRepository.class);
      assertSame(repo, client.unwrap(ModelRepository.class));
      assertTrue(client.serverMetadata().extensions().contains("model_repository"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {REST, GRPC})
  void tritonIndexListsEveryVersionWithItsState(String scheme) {
    try (RepositoryEmulator server = new RepositoryEmulator(OipModelRepository.triton());
        InferenceClient client = server.client(scheme, KServeOptions.Repository.TRITON)) {
      List<ModelIndexEntry> index = client.unwrap(ModelRepository.class).index();

      assertTrue(index.contains(new ModelIndexEntry(KitModels.ADD_ONE, "1", "READY", "")), index::toString);
      assertEquals(List.of("1", "2"), index.stream().filter(e -> e.name().equals(KitModels.VERSIONED))
          .map(ModelIndexEntry::version).toList());
      assertTrue(index.stream().allMatch(ModelIndexEntry::isReady), index::toString);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {REST, GRPC})
  void tritonUnloadMakesTheModelUnavailableUntilLoaded(String scheme) throws Exception {
    try (RepositoryEmulator server = new RepositoryEmulator(OipModelRepository.triton());
        InferenceClient client = server.client(scheme, KServeOptions.Repository.TRITON);
        InferenceClient other = server.client(scheme.equals(REST) ? GRPC : REST, KServeOptions.Repository.TRITON)) {
      ModelRepository repo = client.unwrap(ModelRepository.class);

      assertNull(repo.unloadAsync(KitModels.ADD_ONE).get(10, TimeUnit.SECONDS));

      assertFalse(server.repository.isLoaded(KitModels.ADD_ONE));
      assertFalse(client.modelReady(ModelRef.of(KitModels.ADD_ONE)));
      assertFalse(other.modelReady(ModelRef.of(KitModels.ADD_ONE)), "one server: the other API sees it too");
      ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> client.infer(addOne()));
      assertEquals("Request for unknown model: 'add_one' has no available versions", e.serverMessage());
      assertThrows(ModelNotFoundException.class, () -> client.modelMetadata(ModelRef.of(KitModels.ADD_ONE)));
      assertTrue(repo.index().contains(new ModelIndexEntry(KitModels.ADD_ONE, "1", "UNAVAILABLE", "unloaded")));
      assertTrue(repo.index(true).stream().noneMatch(m -> m.name().equals(KitModels.ADD_ONE)));
      assertTrue(repo.index(true).stream().anyMatch(m -> m.name().equals(KitModels.IDENTITY)));
      repo.unload(KitModels.ADD_ONE); // Triton: unloading an unloaded model is fine

      repo.load(KitModels.ADD_ONE);

      assertTrue(client.modelReady(ModelRef.of(KitModels.ADD_ONE)));
      assertArrayEquals(new float[] {2f}, client.infer(addOne()).output(KitModels.ADD_ONE_OUTPUT).toFloatArray());
      repo.load(KitModels.ADD_ONE); // loading a loaded model reloads it
      assertTrue(repo.index(true).contains(new ModelIndexEntry(KitModels.ADD_ONE, "1", "READY", "")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {REST, GRPC})
  void kserveUnloadForgetsTheModelUntilLoaded(String scheme) {
    try (RepositoryEmulator server = new RepositoryEmulator(OipModelRepository.kserve());
        InferenceClient client = server.client(scheme, KServeOptions.Repository.KSERVE)) {
      ModelRepository repo = client.unwrap(ModelRepository.class);
      assertTrue(client.serverMetadata().extensions().contains("model_repository_extension"));

      repo.unload(KitModels.ADD_ONE);

      assertFalse(client.modelReady(ModelRef.of(KitModels.ADD_ONE)));
      ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> client.infer(addOne()));
      assertEquals("Model add_one not found", e.serverMessage());
      assertThrows(ModelNotFoundException.class, () -> repo.unload(KitModels.ADD_ONE), "KServe no longer has it");

      repo.load(KitModels.ADD_ONE);

      assertTrue(client.modelReady(ModelRef.of(KitModels.ADD_ONE)));
      assertArrayEquals(new float[] {2f}, client.infer(addOne()).output(KitModels.ADD_ONE_OUTPUT).toFloatArray());
    }
  }

  @org.junit.jupiter.api.Test
  void kserveRestListsTheNamesItHolds() {
    try (RepositoryEmulator server = new RepositoryEmulator(OipModelRepository.kserve());
        InferenceClient client = server.client(REST, KServeOptions.Repository.KSERVE)) {
      ModelRepository repo = client.unwrap(ModelRepository.class);
      List<ModelIndexEntry> index = repo.index();
      assertTrue(index.contains(new ModelIndexEntry(KitModels.ADD_ONE, "", "", "")), index::toString);
      assertEquals(1, index.stream().filter(m -> m.name().equals(KitModels.VERSIONED)).count(), "names, not versions");

      repo.unload(KitModels.ADD_ONE);

      assertTrue(repo.index().stream().noneMatch(m -> m.name().equals(KitModels.ADD_ONE)));
      assertThrows(UnsupportedFeatureException.class, () -> repo.index(true));
    }
  }

  @org.junit.jupiter.api.Test
  void kserveGrpcHasNoIndex() {
    try (RepositoryEmulator server = new RepositoryEmulator(OipModelRepository.kserve());
        InferenceClient client = server.client(GRPC, KServeOptions.Repository.KSERVE)) {
      CompletionException e = assertThrows(CompletionException.class,
          () -> client.unwrap(ModelRepository.class).indexAsync().join());
      assertInstanceOf(UnsupportedFeatureException.class, e.getCause());
      assertTrue(e.getCause().getMessage().contains("RepositoryIndex"), e.getCause().getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {REST, GRPC})
  void unknownModelsAreNotFoundAndBadNamesNeverLeave(String scheme) {
    for (OipModelRepository repository : List.of(OipModelRepository.triton(), OipModelRepository.kserve())) {
      KServeOptions.Repository form = repository.form() == OipModelRepository.Form.TRITON
          ? KServeOptions.Repository.TRITON : KServeOptions.Repository.KSERVE;
      try (RepositoryEmulator server = new RepositoryEmulator(repository);
          InferenceClient client = server.client(scheme, form)) {
        ModelRepository repo = client.unwrap(ModelRepository.class);
        assertThrows(ModelNotFoundException.class, () -> repo.load("nope"));
        assertThrows(ModelNotFoundException.class, () -> repo.unload("nope"));
        long before = server.emulator.recorder().recordedCalls();
        CompletionException e = assertThrows(CompletionException.class, () -> repo.loadAsync("..").join());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(before, server.emulator.recorder().recordedCalls(), "nothing was sent");
      }
    }
  }

  @org.junit.jupiter.api.Test
  void overGrpcMixingTheFormsFailsInsteadOfDoingTheWrongThing() {
    // KServe's server reads Triton's load request as model_name "" (Triton's name is field 2); Triton's
    // server reads KServe's as repository_name with an empty model_name. Neither touches add_one.
    try (RepositoryEmulator kserve = new RepositoryEmulator(OipModelRepository.kserve());
        InferenceClient tritonClient = kserve.client(GRPC, KServeOptions.Repository.TRITON)) {
      assertThrows(ModelNotFoundException.class, () -> tritonClient.unwrap(ModelRepository.class).unload(KitModels.ADD_ONE));
      assertTrue(kserve.repository.isLoaded(KitModels.ADD_ONE), "nothing was unloaded");
    }
    try (RepositoryEmulator triton = new RepositoryEmulator(OipModelRepository.triton());
        InferenceClient kserveClient = triton.client(GRPC, KServeOptions.Repository.KSERVE)) {
      assertThrows(ModelNotFoundException.class, () -> kserveClient.unwrap(ModelRepository.class).unload(KitModels.ADD_ONE));
      assertTrue(triton.repository.isLoaded(KitModels.ADD_ONE), "nothing was unloaded");
    }
  }

  @org.junit.jupiter.api.Test
  void overRestLoadAndUnloadWorkInEitherFormButTheIndexDoesNot() {
    try (RepositoryEmulator kserve = new RepositoryEmulator(OipModelRepository.kserve());
        InferenceClient tritonClient = kserve.client(REST, KServeOptions.Repository.TRITON)) {
      ModelRepository repo = tritonClient.unwrap(ModelRepository.class);
      repo.unload(KitModels.ADD_ONE);
      assertFalse(kserve.repository.isLoaded(KitModels.ADD_ONE));
      repo.load(KitModels.ADD_ONE);
      assertTrue(kserve.repository.isLoaded(KitModels.ADD_ONE));
      assertThrows(InferenceException.class, repo::index); // KServe has no POST /v2/repository/index
    }
    try (RepositoryEmulator triton = new RepositoryEmulator(OipModelRepository.triton());
        InferenceClient kserveClient = triton.client(REST, KServeOptions.Repository.KSERVE)) {
      ModelRepository repo = kserveClient.unwrap(ModelRepository.class);
      repo.unload(KitModels.ADD_ONE); // Triton's empty 200 is a success
      assertFalse(triton.repository.isLoaded(KitModels.ADD_ONE));
      repo.load(KitModels.ADD_ONE);
      assertTrue(triton.repository.isLoaded(KitModels.ADD_ONE));
      assertThrows(InferenceException.class, repo::index); // Triton has no GET /v2/models
    }
  }
}
