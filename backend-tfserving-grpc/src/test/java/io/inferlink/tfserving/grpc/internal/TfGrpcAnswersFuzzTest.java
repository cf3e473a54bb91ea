package io.inferlink.tfserving.grpc.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.fuzz.DecoderEscapes;
import io.inferlink.fuzz.Mutations;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import io.inferlink.protos.internal.tensorflow.serving.GetModelMetadataResponse;
import io.inferlink.protos.internal.tensorflow.serving.PredictResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The TF Serving gRPC decoders ({@link TensorProtoCodec#decode}, with {@link TypedFieldDecoder} and
 * {@link StringElements} beneath it; predict answers; {@link SignatureMetadata}) on mutated bytes of
 * real answers that still parse (bytes protobuf refuses never reach a decoder: gRPC fails the call
 * first, so they are generated again) and on random well-formed TensorProtos whose dtype, shape,
 * tensor_content and typed fields disagree: only an {@link io.inferlink.InferenceException} may come out.
 */
class TfGrpcAnswersFuzzTest {
  private static final long[] DIMS = {0, 1, 2, 3, 4, -1, -2, Integer.MAX_VALUE, Integer.MAX_VALUE - 8, 1L << 28,
      (1L << 29) - 1, 1L << 31, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE};
  private static final InferenceRequest REQUEST = InferenceRequest.builder("identity")
      .input(Tensor.ofFloats("x", new float[] {1}, 1)).build();

  @Provide
  Arbitrary<TensorProto> mutatedTensors() {
    List<byte[]> seeds = new ArrayList<>(TfGrpcSeeds.get().tensors);
    Random r = new Random(9);
    for (int i = 0; i < 40; i++) {
      seeds.add(randomTensor(r).toByteArray());
    }
    return parsed(seeds, TensorProto.parser());
  }

  @Provide
  Arbitrary<TensorProto> tensorMessages() {
    return Arbitraries.randomValue(TfGrpcAnswersFuzzTest::randomTensor);
  }

  @Provide
  Arbitrary<PredictResponse> mutatedPredicts() {
    return parsed(TfGrpcSeeds.get().predict, PredictResponse.parser());
  }

  @Provide
  Arbitrary<GetModelMetadataResponse> mutatedMetadata() {
    return parsed(TfGrpcSeeds.get().metadata, GetModelMetadataResponse.parser());
  }

  @Property
  void mutatedTensorProtos(@ForAll("mutatedTensors") TensorProto p) {
    DecoderEscapes.onlyInferenceExceptions("TensorProtoCodec.decode", p, () -> TensorProtoCodec.decode("y", p, "fuzz"));
  }

  @Property
  void inconsistentTensorProtos(@ForAll("tensorMessages") TensorProto p) {
    DecoderEscapes.onlyInferenceExceptions("TensorProtoCodec.decode", p, () -> TensorProtoCodec.decode("y", p, "fuzz"));
  }

  @Property
  void mutatedPredictAnswers(@ForAll("mutatedPredicts") PredictResponse response) {
    DecoderEscapes.onlyInferenceExceptions("TF gRPC predict reader", response,
        () -> TfGrpcClient.response(REQUEST, response, "fuzz", ClientOptions.DEFAULT_MAX_MESSAGE_SIZE));
  }

  @Property
  void mutatedMetadataAnswers(@ForAll("mutatedMetadata") GetModelMetadataResponse response) {
    DecoderEscapes.onlyInferenceExceptions("TF gRPC metadata reader", response, () -> SignatureMetadata.read(response, "fuzz"));
  }

  /** Mutations of the seeds that protobuf still parses into {@code M}. */
  private static <M> Arbitrary<M> parsed(List<byte[]> seeds, Parser<M> parser) {
    return Mutations.binary(seeds).map(b -> {
      try {
        return parser.parseFrom(b);
      } catch (InvalidProtocolBufferException e) {
        return null;
      }
    }).filter(Objects::nonNull);
  }

  /** A well-formed TensorProto whose parts need not agree: any dtype number, shape, content and fields. */
  static TensorProto randomTensor(Random r) {
    TensorProto.Builder b = TensorProto.newBuilder().setDtypeValue(r.nextInt(6) == 0 ? r.nextInt(40) : 1 + r.nextInt(23));
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder().setUnknownRank(r.nextInt(20) == 0);
    long elements = 1;
    for (int d = 0, rank = r.nextInt(4); d < rank; d++) {
      long dim = r.nextInt(3) == 0 ? DIMS[r.nextInt(DIMS.length)] : r.nextInt(4);
      shape.addDimBuilder().setSize(dim);
      elements = dim >= 0 && dim <= 64 && elements >= 0 && elements * dim <= 64 ? elements * dim : -1;
    }
    b.setTensorShape(shape);
    int count = elements >= 0 && r.nextBoolean() ? (int) elements + r.nextInt(3) - 1 : r.nextInt(6);
    if (r.nextInt(3) == 0) {
      byte[] content = new byte[Math.max(0, count * (1 + r.nextInt(8)) + r.nextInt(3) - 1)];
      r.nextBytes(content);
      b.setTensorContent(ByteString.copyFrom(content));
    }
    for (int f = 0, fields = r.nextInt(3); f < fields; f++) {
      for (int i = 0; i < Math.max(0, count); i++) {
        switch (r.nextInt(10)) {
          case 0: b.addFloatVal(r.nextFloat()); break;
          case 1: b.addDoubleVal(r.nextDouble()); break;
          case 2: b.addIntVal(r.nextBoolean() ? r.nextInt() : r.nextInt(300) - 150); break;
          case 3: b.addInt64Val(r.nextLong()); break;
          case 4: b.addBoolVal(r.nextBoolean()); break;
          case 5: b.addHalfVal(r.nextBoolean() ? r.nextInt() : r.nextInt(0x10000)); break;
          case 6: b.addUint32Val(r.nextInt()); break;
          case 7: b.addUint64Val(r.nextLong()); break;
          case 8: b.addScomplexVal(r.nextFloat()); break;
          default: b.addStringVal(ByteString.copyFromUtf8(r.nextBoolean() ? "" : "abc"));
        }
      }
    }
    return b.build();
  }
}
