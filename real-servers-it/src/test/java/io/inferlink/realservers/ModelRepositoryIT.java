package io.inferlink.realservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.ModelRef;
import io.inferlink.ServerException;
import io.inferlink.kserve.ModelIndexEntry;
import io.inferlink.kserve.ModelRepository;
import io.inferlink.testkit.KitModels;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model repository extension on the real servers. PyTriton guards Triton's repository calls
 * with a random access key of its own (403 / UNAVAILABLE without it), so Triton's form is exercised
 * on MLServer, which serves the same messages, and KServe's form on KServe.
 */
class ModelRepositoryIT {
  private static final Set<String> KIT_MODELS = Set.of(KitModels.IDENTITY, KitModels.ADD_ONE, KitModels.CLASSIFIER,
      KitModels.FAIL, KitModels.SLEEP);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"kserve-v2+http", "kserve-v2+grpc"})
  void mlserversIndexInTritonsFormListsTheKitModelsAsReady(String scheme) {
    try (InferenceClient client = InferenceClient.create(RealPeers.get().endpoint("mlserver", scheme))) {
      List<ModelIndexEntry> index = client.unwrap(ModelRepository.class).index();
      Set<String> ready = index.stream().filter(ModelIndexEntry::isReady).map(ModelIndexEntry::name).collect(Collectors.toSet());
      assertTrue(ready.containsAll(KIT_MODELS), "ready models " + ready + " of " + index);
    }
  }

  @Test
  void mlserverUnloadsAndLoadsAModelOverRest() {
    try (InferenceClient client = InferenceClient.create(RealPeers.get().endpoint("mlserver", "kserve-v2+http"))) {
      ModelRepository repository = client.unwrap(ModelRepository.class);
      ModelRef sleep = ModelRef.of(KitModels.SLEEP);
      assertTrue(client.modelReady(sleep));
      repository.unload(KitModels.SLEEP);
      try {
        assertFalse(client.modelReady(sleep), "an unloaded model is not ready");
      } finally {
        repository.load(KitModels.SLEEP); // leave the shared server as found
      }
      assertTrue(client.modelReady(sleep), "the model is ready again after load");
    }
  }

  @Test
  void kservesIndexInItsOwnFormListsTheKitModels() {
    try (InferenceClient client = InferenceClient.create(RealPeers.get().endpoint("kserve", "kserve-v2+http") + "?repository=kserve")) {
      Set<String> names = client.unwrap(ModelRepository.class).index().stream().map(ModelIndexEntry::name)
          .collect(Collectors.toSet());
      assertTrue(names.containsAll(KIT_MODELS), "index " + names);
    }
  }

  @Test
  void kserveLoadingAModelItCannotFindFailsWithItsMessage() {
    try (InferenceClient client = InferenceClient.create(RealPeers.get().endpoint("kserve", "kserve-v2+http") + "?repository=kserve")) {
      InferenceException e = assertThrows(InferenceException.class,
          () -> client.unwrap(ModelRepository.class).load("no-such-model"));
      assertTrue(e.serverMessage().contains("no-such-model"), "the server's message should name the model: " + e);
    }
  }

  @Test
  void kserveLoadingAModelItCannotFindOverGrpcTripsOverItsOwnErrorButStillFailsCleanly() {
    // KServe 0.21's gRPC servicer fails while reporting the error ("'ModelNotReady' object has no
    // attribute 'reason'") and answers UNKNOWN: the client keeps that status and message.
    try (InferenceClient client = InferenceClient.create(RealPeers.get().endpoint("kserve", "kserve-v2+grpc") + "?repository=kserve")) {
      ServerException e = assertThrows(ServerException.class, () -> client.unwrap(ModelRepository.class).load("no-such-model"));
      assertEquals(ErrorCode.UNKNOWN, e.code());
      assertTrue(e.serverMessage().contains("ModelNotReady"), "the server's own words: " + e);
    }
  }
}
