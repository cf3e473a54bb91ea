package io.inferlink.examples.torchserve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.ModelRef;
import org.junit.jupiter.api.Test;

/** A model name or version is one path segment whatever it holds. */
class TorchServePathsTest {
  private final TorchServePaths paths = new TorchServePaths("http://h:8080/prefix", "http://h:8081");

  @Test
  void predictionsTakeTheVersionAsASecondSegment() {
    assertEquals("http://h:8080/prefix/predictions/resnet-18", paths.predictions(ModelRef.of("resnet-18")).toString());
    assertEquals("http://h:8080/prefix/predictions/resnet-18/2.0",
        paths.predictions(ModelRef.of("resnet-18", "2.0")).toString());
  }

  @Test
  void managementDescriptionsGoToTheManagementApi() {
    assertEquals("http://h:8081/models/noop/2.0", paths.describe(ModelRef.of("noop", "2.0")).toString());
    assertEquals("http://h:8080/prefix/ping", paths.ping().toString());
  }

  @Test
  void slashesQueriesAndNonAsciiAreEncodedSoTheyCannotChangeThePath() {
    assertEquals("a%2F..%2Fb%3Fc%23d%20e", TorchServePaths.segment("a/../b?c#d e"));
    assertEquals("gr%C3%BC%C3%9Fe", TorchServePaths.segment("grüße"));
    assertEquals("http://h:8080/prefix/predictions/a%2Fb/1",
        paths.predictions(ModelRef.of("a/b", "1")).toString());
  }
}
