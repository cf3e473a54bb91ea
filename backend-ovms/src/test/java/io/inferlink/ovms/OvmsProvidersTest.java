package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.ProviderRegistry;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two providers: schemes, options, and the capabilities OVMS really has on each form. */
class OvmsProvidersTest {

  @Test
  void schemesResolveToTheOvmsProviders() {
    ProviderRegistry registry = ProviderRegistry.getDefault();
    for (String scheme : new String[] {"ovms+http", "ovms+https"}) {
      assertEquals("ovms-rest", registry.resolve(Endpoint.parse(scheme + "://h:1"), ClientOptions.defaults()).name());
    }
    for (String scheme : new String[] {"ovms+grpc", "ovms+grpcs"}) {
      assertEquals("ovms-grpc", registry.resolve(Endpoint.parse(scheme + "://h:1"), ClientOptions.defaults()).name());
    }
  }

  @Test
  void unknownAndMisplacedOptionsAreRefused() {
    ProviderConfigurationException typo = assertThrows(ProviderConfigurationException.class,
        () -> InferenceClient.create("ovms+http://127.0.0.1:1?apl=tfs"));
    assertTrue(typo.getMessage().contains("apl") && typo.getMessage().contains("api"), typo.getMessage());
    assertThrows(ProviderConfigurationException.class, () -> InferenceClient.create("ovms+http://127.0.0.1:1?rest-port=8000"),
        "the REST provider has a REST port already");
    assertThrows(ProviderConfigurationException.class, () -> InferenceClient.create("ovms+grpc://127.0.0.1:1?api=openai"));
    assertThrows(ProviderConfigurationException.class, () -> InferenceClient.create("ovms+grpc://127.0.0.1:1?rest-port=70000"));
    assertThrows(ProviderConfigurationException.class, () -> InferenceClient.create("ovms+http://127.0.0.1:1?binary=never"),
        "the KServe REST client of OVMS always sends binary data");
  }

  @Test
  void capabilitiesOfEachForm() {
    Set<Capability> common = EnumSet.of(Capability.MODEL_METADATA, Capability.MODEL_READY, Capability.MODEL_VERSIONS,
        Capability.REQUESTED_OUTPUTS, Capability.OUTPUT_NAMES, Capability.SERVER_LIVE, Capability.SERVER_READY,
        Capability.SERVER_METADATA);
    Capabilities kserveRest = capabilities("ovms+http://127.0.0.1:1");
    Capabilities kserveGrpc = capabilities("ovms+grpc://127.0.0.1:1");
    for (Capabilities c : new Capabilities[] {kserveRest, kserveGrpc}) {
      assertEquals(EnumSet.complementOf(EnumSet.of(DataType.BF16)), c.dataTypes());
      assertTrue(c.features().containsAll(common));
      assertTrue(c.features().containsAll(EnumSet.of(Capability.REQUEST_ID, Capability.REQUEST_PARAMETERS,
          Capability.SCALAR_TENSORS, Capability.ZERO_SIZE_TENSORS)));
    }
    Capabilities tfsRest = capabilities("ovms+http://127.0.0.1:1?api=tfs");
    assertEquals(EnumSet.of(DataType.FP32, DataType.FP64, DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64,
        DataType.UINT8, DataType.UINT32, DataType.UINT64, DataType.BYTES), tfsRest.dataTypes());
    Capabilities tfsGrpc = capabilities("ovms+grpc://127.0.0.1:1?api=tfs");
    assertEquals(EnumSet.of(DataType.FP16, DataType.FP32, DataType.FP64, DataType.INT8, DataType.INT16, DataType.INT32,
        DataType.INT64, DataType.UINT8, DataType.UINT16, DataType.UINT32, DataType.UINT64, DataType.BYTES), tfsGrpc.dataTypes());
    for (Capabilities c : new Capabilities[] {tfsRest, tfsGrpc}) {
      assertTrue(c.features().containsAll(common));
      assertTrue(c.supports(Capability.SIGNATURE_NAME));
    }
    for (Capabilities c : new Capabilities[] {kserveRest, kserveGrpc, tfsRest, tfsGrpc}) {
      assertTrue(!c.supports(Capability.VERSION_LABELS) && !c.supports(Capability.MODEL_REPOSITORY), c.toString());
    }
  }

  private static Capabilities capabilities(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      return client.capabilities();
    }
  }
}
