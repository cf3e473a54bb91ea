package io.inferlink.emulator;

import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@link KitContract#FAIL}: fails with the status code it is given, echoing the request's headers when
 * asked. Stateless and thread-safe.
 */
final class FailModel implements ScriptedModel {
  private static final ModelMetadata METADATA = ModelInputs.metadata(KitContract.FAIL, List.of("1"),
      List.of(ModelInputs.spec(KitContract.FAIL_TENSOR, DataType.INT32, 1)),
      List.of(ModelInputs.spec(KitContract.FAIL_TENSOR, DataType.INT32, 1)));

  @Override
  public String name() {
    return KitContract.FAIL;
  }

  @Override
  public ModelMetadata metadata(String version) {
    return METADATA;
  }

  @Override
  public List<Tensor> infer(ModelCall call) {
    Tensor codeTensor = ModelInputs.require(call, KitContract.FAIL_TENSOR, DataType.INT32);
    ModelInputs.onlyThese(call, KitContract.FAIL_TENSOR);
    ModelInputs.singleElement(call, codeTensor);
    int number = codeTensor.toIntArray()[0];
    if (number == ErrorCode.OK.grpcCode()) {
      return List.of(codeTensor);
    }
    // fromGrpcCode maps numbers gRPC does not define to UNKNOWN, as the contract says.
    ErrorCode code = ErrorCode.fromGrpcCode(number);
    String message = KitContract.FAIL_MESSAGE_PREFIX + code.name();
    if (call.headers().containsKey(KitContract.ECHO_HEADERS_HEADER)) {
      message += "; request headers: " + echo(call.headers());
    }
    throw new ScriptedFailure(code, message);
  }

  private static String echo(Map<String, String> headers) {
    StringJoiner out = new StringJoiner(", ");
    headers.forEach((name, value) -> out.add(name + ": " + value));
    return out.toString();
  }
}
