package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferlink.ModelRef;
import io.inferlink.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The paths against KServe's PredictPath / ExplainPath table (PROTOCOLS.md §3.7), then the V2 extras. */
class KServePathsTest {

  @ParameterizedTest(name = "PredictPath(m, \"{0}\") = \"{1}\"")
  @CsvSource(value = {"v1|/v1/models/m:predict", "v2|/v2/models/m/infer", "grpc-v1|''", "grpc-v2|''", "''|''", "v3|''"},
      delimiter = '|')
  void predictPathMatchesKServesHelper(String protocol, String expected) {
    assertEquals(expected, KServePaths.predictPath("m", protocol));
  }

  @Test
  void explainPathIsTheV1ExplainVerbWhateverTheProtocol() {
    assertEquals("/v1/models/m:explain", KServePaths.explainPath("m"));
    assertEquals("/v1/models/m", KServePaths.v1Model("m"));
    assertEquals("/v1/models", KServePaths.v1Models());
  }

  @Test
  void protocolNamesAreKServes() {
    assertEquals(KServePaths.Protocol.GRPC_V2, KServePaths.Protocol.fromWireName("grpc-v2"));
    assertEquals("grpc-v1", KServePaths.Protocol.GRPC_V1.wireName());
    assertNull(KServePaths.Protocol.fromWireName("V2"));
  }

  @Test
  void v2PathsWithAndWithoutVersions() {
    assertEquals("/v2/models/resnet/infer", KServePaths.v2Infer(ModelRef.of("resnet")));
    assertEquals("/v2/models/resnet/versions/3/infer", KServePaths.v2Infer(ModelRef.of("resnet", "3")));
    assertEquals("/v2/models/resnet/versions/3/ready", KServePaths.v2Ready(ModelRef.of("resnet", "3")));
    assertEquals("/v2/models/resnet", KServePaths.v2Model(ModelRef.of("resnet")));
    assertEquals("/v2/health/live", KServePaths.v2Live());
    assertEquals("/v2/health/ready", KServePaths.v2ServerReady());
    assertEquals("/v2", KServePaths.v2ServerMetadata());
    assertThrows(UnsupportedFeatureException.class, () -> KServePaths.v2Infer(ModelRef.withLabel("resnet", "stable")));
  }

  @Test
  void namesCannotLeaveTheirSegment() {
    assertEquals("/v1/models/a%2Fb%3Aexplain:predict", KServePaths.predictPath("a/b:explain", KServePaths.Protocol.V1));
    assertEquals("/v2/models/..%2Fadmin/infer", KServePaths.predictPath("../admin", KServePaths.Protocol.V2));
    assertEquals("/v2/models/m%3Fx%3D1%23f/versions/1%2F..%2F2/infer", KServePaths.v2Infer(ModelRef.of("m?x=1#f", "1/../2")));
    assertEquals("/v2/models/caf%C3%A9/infer", KServePaths.v2Infer(ModelRef.of("café")));
    assertEquals("/v2/repository/models/..%2Fadmin/load", KServePaths.v2RepositoryLoad("../admin"));
    assertEquals("/v2/repository/models/a%2Fb%2Funload/unload", KServePaths.v2RepositoryUnload("a/b/unload"));
  }

  @Test
  void repositoryPathsOfTritonsExtensionAndKServesServer() {
    assertEquals("/v2/repository/index", KServePaths.v2RepositoryIndex());
    assertEquals("/v2/repository/models/resnet/load", KServePaths.v2RepositoryLoad("resnet"));
    assertEquals("/v2/repository/models/resnet/unload", KServePaths.v2RepositoryUnload("resnet"));
    assertEquals("/v2/models", KServePaths.v2Models());
    assertThrows(IllegalArgumentException.class, () -> KServePaths.v2RepositoryLoad(""));
  }
}
