package io.inferlink.ovms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Version 0 is sent as "latest"; labels are refused; everything else passes unchanged. */
class OvmsRefsTest {

  @Test
  void versionZeroBecomesTheLatestVersion() {
    assertEquals(ModelRef.of("m"), OvmsRefs.toOvms(ModelRef.of("m", "0"), "p"));
    assertEquals(ModelRef.of("m"), OvmsRefs.toOvms(ModelRef.of("m", 0), "p"));
    assertEquals(ModelRef.of("m"), OvmsRefs.toOvms(ModelRef.of("m", "000"), "p"));
    assertEquals(ModelRef.of("m", "10"), OvmsRefs.toOvms(ModelRef.of("m", "10"), "p"));
    assertEquals(ModelRef.of("m"), OvmsRefs.toOvms(ModelRef.of("m"), "p"));
  }

  @Test
  void labelsAreRefused() {
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> OvmsRefs.toOvms(ModelRef.withLabel("m", "stable"), "ovms-grpc"));
    assertEquals(true, e.getMessage().startsWith("ovms-grpc cannot address model m@stable by label"), e.getMessage());
  }

  @Test
  void aRequestKeepsEverythingButItsVersion() {
    InferenceRequest request = InferenceRequest.builder(ModelRef.of("m", "0"))
        .input(Tensor.ofFloats("a", new float[] {1f}, 1)).input(Tensor.ofStrings("b", new String[] {"x"}, 1))
        .requestOutputs("y", "z").id("id-1").parameter("k", 3).signatureName("sig").timeout(Duration.ofSeconds(7)).build();
    InferenceRequest sent = OvmsRefs.toOvms(request, "p");
    assertEquals(ModelRef.of("m"), sent.model());
    assertEquals(request.inputs(), sent.inputs());
    assertEquals(request.requestedOutputs(), sent.requestedOutputs());
    assertEquals(request.id(), sent.id());
    assertEquals(request.parameters(), sent.parameters());
    assertEquals(request.signatureName(), sent.signatureName());
    assertEquals(request.timeout(), sent.timeout());
    InferenceRequest latest = InferenceRequest.builder("m").input(Tensor.ofFloats("a", new float[] {1f}, 1)).build();
    assertSame(latest, OvmsRefs.toOvms(latest, "p"));
  }
}
