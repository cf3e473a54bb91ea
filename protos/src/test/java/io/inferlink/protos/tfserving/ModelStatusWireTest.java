package io.inferlink.protos.tfserving;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.bytes;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.lenField;
import static io.inferlink.protos.wire.Wire.stringField;
import static io.inferlink.protos.wire.Wire.varintField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.protos.internal.tensorflow.error.Code;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusResponse;
import io.inferlink.protos.internal.tensorflow.serving.ModelSpec;
import io.inferlink.protos.internal.tensorflow.serving.ModelVersionStatus;
import io.inferlink.protos.internal.tensorflow.serving.StatusProto;
import org.junit.jupiter.api.Test;

/** GetModelStatusRequest/Response, ModelVersionStatus (version 1, state 2, status 3), StatusProto (1, 2). */
class ModelStatusWireTest {

  @Test
  void requestWithoutVersionIsJustTheName() throws Exception {
    byte[] wire = bytes(0x0A, 0x03, 0x0A, 0x01, 'm');
    assertEquals("m", GetModelStatusRequest.parseFrom(wire).getModelSpec().getName());
    assertFalse(GetModelStatusRequest.parseFrom(wire).getModelSpec().hasVersion());
    assertBytes(wire, GetModelStatusRequest.newBuilder()
        .setModelSpec(ModelSpec.newBuilder().setName("m")).build().toByteArray());
  }

  @Test
  void responseListsEveryVersionWithStateAndStatus() throws Exception {
    // States written as numbers: START 10, LOADING 20, AVAILABLE 30, UNLOADING 40, END 50.
    long[] stateNumbers = {10, 20, 30, 40, 50};
    ModelVersionStatus.State[] states = {ModelVersionStatus.State.START, ModelVersionStatus.State.LOADING,
        ModelVersionStatus.State.AVAILABLE, ModelVersionStatus.State.UNLOADING, ModelVersionStatus.State.END};

    byte[][] entries = new byte[states.length + 2][];
    GetModelStatusResponse.Builder built = GetModelStatusResponse.newBuilder();
    for (int i = 0; i < states.length; i++) {
      // status set but OK and empty: an empty sub-message 1A 00.
      entries[i] = lenField(1, varintField(1, i + 1), varintField(2, stateNumbers[i]), bytes(0x1A, 0x00));
      built.addModelVersionStatus(ModelVersionStatus.newBuilder().setVersion(i + 1).setState(states[i])
          .setStatus(StatusProto.getDefaultInstance()));
    }
    // A failed version: END with NOT_FOUND (5) and a message.
    entries[states.length] = lenField(1, varintField(1, 1_700_000_000L), varintField(2, 50),
        lenField(3, varintField(1, 5), stringField(2, "Could not find base path")));
    built.addModelVersionStatus(ModelVersionStatus.newBuilder().setVersion(1_700_000_000L)
        .setState(ModelVersionStatus.State.END)
        .setStatus(StatusProto.newBuilder().setErrorCode(Code.NOT_FOUND).setErrorMessage("Could not find base path")));
    // UNKNOWN (0) is the default: nothing but the version on the wire.
    entries[states.length + 1] = lenField(1, varintField(1, 9));
    built.addModelVersionStatus(ModelVersionStatus.newBuilder().setVersion(9).setState(ModelVersionStatus.State.UNKNOWN));
    byte[] wire = cat(entries);

    GetModelStatusResponse parsed = GetModelStatusResponse.parseFrom(wire);
    assertEquals(7, parsed.getModelVersionStatusCount());
    for (int i = 0; i < states.length; i++) {
      ModelVersionStatus s = parsed.getModelVersionStatus(i);
      assertEquals(i + 1, s.getVersion());
      assertEquals(states[i], s.getState());
      assertEquals(stateNumbers[i], s.getStateValue());
      assertTrue(s.hasStatus());
      assertEquals(Code.OK, s.getStatus().getErrorCode());
    }
    ModelVersionStatus failed = parsed.getModelVersionStatus(5);
    assertEquals(1_700_000_000L, failed.getVersion());
    assertEquals(ModelVersionStatus.State.END, failed.getState());
    assertEquals(Code.NOT_FOUND, failed.getStatus().getErrorCode());
    assertEquals("Could not find base path", failed.getStatus().getErrorMessage());
    ModelVersionStatus unknown = parsed.getModelVersionStatus(6);
    assertEquals(ModelVersionStatus.State.UNKNOWN, unknown.getState());
    assertFalse(unknown.hasStatus());

    assertBytes(wire, built.build().toByteArray());
  }

  @Test
  void statusProtoCodesAreTheirNumbers() throws Exception {
    byte[] wire = cat(varintField(1, 14), stringField(2, "busy"));
    StatusProto parsed = StatusProto.parseFrom(wire);
    assertEquals(Code.UNAVAILABLE, parsed.getErrorCode());
    assertEquals("busy", parsed.getErrorMessage());
    assertBytes(wire, StatusProto.newBuilder().setErrorCode(Code.UNAVAILABLE).setErrorMessage("busy")
        .build().toByteArray());
  }

  @Test
  void jsonNamesKeepSnakeCase() {
    // Without the json_name annotations these would be modelVersionStatus / errorCode / errorMessage.
    assertEquals("model_version_status", GetModelStatusResponse.getDescriptor()
        .findFieldByNumber(1).getJsonName());
    assertEquals("error_code", StatusProto.getDescriptor().findFieldByNumber(1).getJsonName());
    assertEquals("error_message", StatusProto.getDescriptor().findFieldByNumber(2).getJsonName());
  }
}
