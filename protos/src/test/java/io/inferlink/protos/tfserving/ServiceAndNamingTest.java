package io.inferlink.protos.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.grpc.MethodDescriptor;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.error.Code;
import io.inferlink.protos.internal.tensorflow.serving.ClassificationProtos;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataResponse;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusRequest;
import io.inferlink.protos.internal.tensorflow.serving.GetModelStatusResponse;
import io.inferlink.protos.internal.tensorflow.serving.ModelServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.MultiInferenceRequest;
import io.inferlink.protos.internal.tensorflow.serving.MultiInferenceResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictRequest;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictionServiceGrpc;
import io.inferlink.protos.internal.tensorflow.serving.RegressionRequest;
import io.inferlink.protos.internal.tensorflow.serving.RegressionResponse;
import io.inferlink.protos.internal.tensorflow.serving.ReloadConfigRequest;
import io.inferlink.protos.internal.tensorflow.serving.ReloadConfigResponse;
import io.inferlink.protos.internal.tensorflow.serving.SignatureDefMap;
import org.junit.jupiter.api.Test;

/** gRPC method paths (which the server routes on) and proto full names (which Any type URLs use). */
class ServiceAndNamingTest {

  @Test
  void predictionServiceMethodPaths() {
    assertUnary("/tensorflow.serving.PredictionService/Classify", PredictionServiceGrpc.getClassifyMethod(),
        ClassificationProtos.ClassificationRequest.class, ClassificationProtos.ClassificationResponse.class);
    assertUnary("/tensorflow.serving.PredictionService/Regress", PredictionServiceGrpc.getRegressMethod(),
        RegressionRequest.class, RegressionResponse.class);
    assertUnary("/tensorflow.serving.PredictionService/Predict", PredictionServiceGrpc.getPredictMethod(),
        PredictRequest.class, PredictResponse.class);
    assertUnary("/tensorflow.serving.PredictionService/MultiInference", PredictionServiceGrpc.getMultiInferenceMethod(),
        MultiInferenceRequest.class, MultiInferenceResponse.class);
    assertUnary("/tensorflow.serving.PredictionService/GetModelMetadata",
        PredictionServiceGrpc.getGetModelMetadataMethod(), GetModelMetadataRequest.class, GetModelMetadataResponse.class);
    assertEquals("tensorflow.serving.PredictionService", PredictionServiceGrpc.SERVICE_NAME);
    assertEquals(5, PredictionServiceGrpc.getServiceDescriptor().getMethods().size());
  }

  @Test
  void modelServiceMethodPaths() {
    assertUnary("/tensorflow.serving.ModelService/GetModelStatus", ModelServiceGrpc.getGetModelStatusMethod(),
        GetModelStatusRequest.class, GetModelStatusResponse.class);
    assertUnary("/tensorflow.serving.ModelService/HandleReloadConfigRequest",
        ModelServiceGrpc.getHandleReloadConfigRequestMethod(), ReloadConfigRequest.class, ReloadConfigResponse.class);
    assertEquals("tensorflow.serving.ModelService", ModelServiceGrpc.SERVICE_NAME);
    assertEquals(2, ModelServiceGrpc.getServiceDescriptor().getMethods().size());
  }

  @Test
  void protoFullNamesStayUpstreamWhileJavaPackagesAreRelocated() {
    assertEquals("tensorflow.TensorProto", TensorProto.getDescriptor().getFullName());
    assertEquals("tensorflow.serving.SignatureDefMap", SignatureDefMap.getDescriptor().getFullName());
    assertEquals("tensorflow.serving.Class", ClassificationProtos.Class.getDescriptor().getFullName());
    assertEquals("tensorflow.error.Code", Code.getDescriptor().getFullName());
    assertEquals("io.inferlink.protos.internal.tensorflow", TensorProto.class.getPackageName());
    assertEquals("io.inferlink.protos.internal.tensorflow.serving", SignatureDefMap.class.getPackageName());
    assertEquals("io.inferlink.protos.internal.tensorflow.error", Code.class.getPackageName());
    // Class is nested, so it never shadows java.lang.Class.
    assertSame(ClassificationProtos.class, ClassificationProtos.Class.class.getEnclosingClass());
  }

  private static void assertUnary(String fullName, MethodDescriptor<?, ?> method, Class<?> request, Class<?> response) {
    assertEquals(fullName, "/" + method.getFullMethodName());
    assertEquals(MethodDescriptor.MethodType.UNARY, method.getType());
    assertEquals(request, ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller())
        .getMessagePrototype().getClass());
    assertEquals(response, ((MethodDescriptor.PrototypeMarshaller<?>) method.getResponseMarshaller())
        .getMessagePrototype().getClass());
  }
}
