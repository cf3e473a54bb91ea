package io.inferlink.kserve.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.MethodDescriptor;
import io.inferlink.kserve.ModelIndexEntry;
import io.inferlink.protos.internal.inference.GRPCInferenceServiceGrpc;
import io.inferlink.protos.internal.inference.RepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.RepositoryModelUnloadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryIndexResponse;
import io.inferlink.protos.internal.inference.TritonRepositoryModelLoadRequest;
import io.inferlink.protos.internal.inference.TritonRepositoryModelUnloadRequest;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-built repository method descriptors against bytes written by hand from the field numbers of
 * PROTOCOLS.md §3.6 (KServe: {@code model_name = 1}; answers {@code model_name = 1, isLoaded = 2}) and
 * Triton's extension_model_repository.md (requests {@code repository_name = 1, model_name = 2};
 * RepositoryIndexRequest {@code ready = 2}; ModelIndex 1-4), through the very marshallers the client
 * sends with; then the REST documents of both forms. The byte helpers copy protos' test-only
 * {@code io.inferlink.protos.wire.Wire}.
 */
class V2RepositoryWireTest {
  private static final int VARINT = 0, LEN = 2;

  @Test
  void bothFormsUseTheSameFullMethodNames() {
    assertEquals("inference.GRPCInferenceService/RepositoryModelLoad", V2GrpcRepositoryMethods.KSERVE_LOAD.getFullMethodName());
    assertEquals("inference.GRPCInferenceService/RepositoryModelUnload", V2GrpcRepositoryMethods.KSERVE_UNLOAD.getFullMethodName());
    assertEquals("inference.GRPCInferenceService/RepositoryIndex", V2GrpcRepositoryMethods.TRITON_INDEX.getFullMethodName());
    assertEquals(V2GrpcRepositoryMethods.KSERVE_LOAD.getFullMethodName(), V2GrpcRepositoryMethods.TRITON_LOAD.getFullMethodName());
    assertEquals(V2GrpcRepositoryMethods.KSERVE_UNLOAD.getFullMethodName(), V2GrpcRepositoryMethods.TRITON_UNLOAD.getFullMethodName());
    // ...which are the generated service's names for KServe's form.
    assertEquals(GRPCInferenceServiceGrpc.getRepositoryModelLoadMethod().getFullMethodName(),
        V2GrpcRepositoryMethods.KSERVE_LOAD.getFullMethodName());
    assertEquals(MethodDescriptor.MethodType.UNARY, V2GrpcRepositoryMethods.TRITON_INDEX.getType());
  }

  @Test
  void kserveRequestsCarryTheNameInFieldOne() {
    byte[] wire = stringField(1, "resnet");
    assertArrayEquals(wire, send(V2GrpcRepositoryMethods.KSERVE_LOAD,
        RepositoryModelLoadRequest.newBuilder().setModelName("resnet").build()));
    assertArrayEquals(wire, send(V2GrpcRepositoryMethods.KSERVE_UNLOAD,
        RepositoryModelUnloadRequest.newBuilder().setModelName("resnet").build()));
  }

  @Test
  void kserveAnswersCarryTheFlagInFieldTwo() {
    byte[] answer = cat(stringField(1, "resnet"), varintField(2, 1));
    assertTrue(receive(V2GrpcRepositoryMethods.KSERVE_LOAD, answer).getIsLoaded());
    assertTrue(receive(V2GrpcRepositoryMethods.KSERVE_UNLOAD, answer).getIsUnloaded());
    assertFalse(receive(V2GrpcRepositoryMethods.KSERVE_LOAD, new byte[0]).getIsLoaded(), "Triton's empty answer");
  }

  @Test
  void tritonRequestsCarryTheNameInFieldTwo() {
    byte[] wire = stringField(2, "resnet"); // repository_name (1) empty: not on the wire
    assertArrayEquals(wire, send(V2GrpcRepositoryMethods.TRITON_LOAD,
        TritonRepositoryModelLoadRequest.newBuilder().setModelName("resnet").build()));
    assertArrayEquals(wire, send(V2GrpcRepositoryMethods.TRITON_UNLOAD,
        TritonRepositoryModelUnloadRequest.newBuilder().setModelName("resnet").build()));
    assertArrayEquals(varintField(2, 1), send(V2GrpcRepositoryMethods.TRITON_INDEX,
        TritonRepositoryIndexRequest.newBuilder().setReady(true).build()));
    assertArrayEquals(new byte[0], send(V2GrpcRepositoryMethods.TRITON_INDEX, TritonRepositoryIndexRequest.getDefaultInstance()));
  }

  @Test
  void tritonIndexAnswerBecomesEntries() {
    byte[] answer = cat(
        lenField(1, cat(stringField(1, "resnet"), stringField(2, "1"), stringField(3, "READY"))),
        lenField(1, cat(stringField(1, "bert"), stringField(2, "2"), stringField(3, "UNAVAILABLE"), stringField(4, "unloaded"))));
    TritonRepositoryIndexResponse r = receive(V2GrpcRepositoryMethods.TRITON_INDEX, answer);
    assertEquals(List.of(new ModelIndexEntry("resnet", "1", "READY", ""),
        new ModelIndexEntry("bert", "2", "UNAVAILABLE", "unloaded")), V2GrpcRepositoryMethods.entries(r));
    assertEquals(0, receive(V2GrpcRepositoryMethods.TRITON_LOAD, new byte[0]).getSerializedSize());
  }

  @Test
  void tritonRestIndexTakesOptionalFields() {
    List<ModelIndexEntry> index = V2RestRepositoryDocs.tritonIndex(json("""
        [ { "name": "resnet", "version": "1", "state": "READY", "reason": "" },
          { "name": "bert", "version": 3, "state": "UNAVAILABLE", "reason": "unloaded" },
          { "name": "never_loaded" } ]"""));
    assertEquals(List.of(new ModelIndexEntry("resnet", "1", "READY", ""),
        new ModelIndexEntry("bert", "3", "UNAVAILABLE", "unloaded"),
        new ModelIndexEntry("never_loaded", "", "", "")), index);
    assertTrue(index.get(0).isReady());
    assertFalse(index.get(2).isReady());
    assertEquals(List.of(), V2RestRepositoryDocs.tritonIndex(json("[]")));
    assertThrows(MalformedAnswerException.class, () -> V2RestRepositoryDocs.tritonIndex(json("{\"models\": []}")));
    assertThrows(MalformedAnswerException.class, () -> V2RestRepositoryDocs.tritonIndex(json("[{\"version\": \"1\"}]")));
    assertThrows(MalformedAnswerException.class, () -> V2RestRepositoryDocs.tritonIndex(json("")));
  }

  @Test
  void kserveRestListAndAnswers() {
    assertEquals(List.of(new ModelIndexEntry("a", "", "", ""), new ModelIndexEntry("b", "", "", "")),
        V2RestRepositoryDocs.kserveModels(json("{\"models\": [\"a\", \"b\"]}")));
    assertThrows(MalformedAnswerException.class, () -> V2RestRepositoryDocs.kserveModels(json("[\"a\"]")));
    assertThrows(MalformedAnswerException.class, () -> V2RestRepositoryDocs.kserveModels(json("{\"models\": [1]}")));

    assertFalse(V2RestRepositoryDocs.refuses(json("{\"name\": \"m\", \"load\": true}"), "load"));
    assertTrue(V2RestRepositoryDocs.refuses(json("{\"name\": \"m\", \"load\": false}"), "load"));
    assertTrue(V2RestRepositoryDocs.refuses(json("{\"name\": \"m\", \"unload\": false}"), "unload"));
    assertFalse(V2RestRepositoryDocs.refuses(json(""), "load"), "Triton's empty 200");
    assertFalse(V2RestRepositoryDocs.refuses(json("{}"), "unload"));
  }

  @Test
  void entriesRefuseNoName() {
    assertThrows(NullPointerException.class, () -> new ModelIndexEntry(null, "1", "READY", ""));
    assertEquals(new ModelIndexEntry("m", "", "", ""), new ModelIndexEntry("m", null, null, null));
    assertTrue(new ModelIndexEntry("m", "", "Ready", "").isReady(), "KServe's own spelling");
    assertTrue(new ModelIndexEntry("m", "1", "State.READY", "").isReady(), "MLServer 1.7 over gRPC");
    assertFalse(new ModelIndexEntry("m", "", "NotReady", "").isReady());
    assertFalse(new ModelIndexEntry("m", "1", "State.UNAVAILABLE", "").isReady());
    assertFalse(new ModelIndexEntry("m", "1", "", "").isReady());
  }

  // ---------------------------------------------------------------- marshalling as the channel does

  private static <Q> byte[] send(MethodDescriptor<Q, ?> method, Q message) {
    try (InputStream in = method.streamRequest(message)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <R> R receive(MethodDescriptor<?, R> method, byte[] wire) {
    return method.parseResponse(new ByteArrayInputStream(wire));
  }

  private static ByteChunks json(String text) {
    return ByteChunks.ofBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- copied from protos' test Wire

  private static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] varint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
    return out.toByteArray();
  }

  private static byte[] tag(int field, int wireType) {
    return varint(((long) field << 3) | wireType);
  }

  private static byte[] varintField(int field, long value) {
    return cat(tag(field, VARINT), varint(value));
  }

  private static byte[] lenField(int field, byte[] payload) {
    return cat(tag(field, LEN), varint(payload.length), payload);
  }

  private static byte[] stringField(int field, String value) {
    return lenField(field, value.getBytes(StandardCharsets.UTF_8));
  }
}
