package io.inferlink.protos.oip;

import io.inferlink.protos.wire.Wire;

import static io.inferlink.protos.wire.Wire.assertBytes;
import static io.inferlink.protos.wire.Wire.boolField;
import static io.inferlink.protos.wire.Wire.bytes;
import static io.inferlink.protos.wire.Wire.cat;
import static io.inferlink.protos.wire.Wire.stringField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.protos.internal.inference.ModelReadyRequest;
import io.inferlink.protos.internal.inference.ModelReadyResponse;
import io.inferlink.protos.internal.inference.ServerLiveRequest;
import io.inferlink.protos.internal.inference.ServerLiveResponse;
import io.inferlink.protos.internal.inference.ServerReadyRequest;
import io.inferlink.protos.internal.inference.ServerReadyResponse;
import org.junit.jupiter.api.Test;

/** ServerLive / ServerReady (empty requests, bool field 1) and ModelReady (request 1 name, 2 version; bool ready 1). */
class HealthWireTest {

  @Test
  void serverLiveAndReadyRequestsAreEmpty() {
    assertEquals(0, ServerLiveRequest.getDefaultInstance().toByteArray().length);
    assertEquals(0, ServerLiveRequest.getDescriptor().getFields().size());
    assertEquals(0, ServerReadyRequest.getDefaultInstance().toByteArray().length);
    assertEquals(0, ServerReadyRequest.getDescriptor().getFields().size());
  }

  @Test
  void serverLiveResponseLiveIsField1() throws Exception {
    assertBytes(bytes(0x08, 0x01), boolField(1, true));
    assertTrue(ServerLiveResponse.parseFrom(boolField(1, true)).getLive());
    assertFalse(ServerLiveResponse.parseFrom(new byte[0]).getLive());
    assertBytes(boolField(1, true), ServerLiveResponse.newBuilder().setLive(true).build().toByteArray());
  }

  @Test
  void serverReadyResponseReadyIsField1() throws Exception {
    assertTrue(ServerReadyResponse.parseFrom(boolField(1, true)).getReady());
    assertBytes(boolField(1, true), ServerReadyResponse.newBuilder().setReady(true).build().toByteArray());
  }

  @Test
  void modelReadyRequestAndResponse() throws Exception {
    byte[] wire = cat(stringField(1, "simple"), stringField(2, "2"));
    ModelReadyRequest parsed = ModelReadyRequest.parseFrom(wire);
    assertEquals("simple", parsed.getName());
    assertEquals("2", parsed.getVersion());
    assertBytes(wire, ModelReadyRequest.newBuilder().setName("simple").setVersion("2").build().toByteArray());

    assertTrue(ModelReadyResponse.parseFrom(boolField(1, true)).getReady());
    assertBytes(boolField(1, true), ModelReadyResponse.newBuilder().setReady(true).build().toByteArray());
  }
}
