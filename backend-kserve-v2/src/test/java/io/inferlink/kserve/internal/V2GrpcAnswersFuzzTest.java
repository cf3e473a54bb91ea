package io.inferlink.kserve.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import io.inferlink.DataType;
import io.inferlink.fuzz.DecoderEscapes;
import io.inferlink.fuzz.Mutations;
import io.inferlink.protos.internal.inference.InferParameter;
import io.inferlink.protos.internal.inference.InferTensorContents;
import io.inferlink.protos.internal.inference.ModelInferResponse;
import io.inferlink.protos.internal.inference.ModelInferResponse.InferOutputTensor;
import io.inferlink.protos.internal.inference.ModelMetadataResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * The Open Inference Protocol gRPC decoders through the client's edge ({@link V2GrpcClient#reading}):
 * mutated bytes of the emulator's answers that still parse as a {@code ModelInferResponse} (the others
 * never reach a decoder: gRPC fails the call first, so they are generated again), and random well-formed messages whose
 * datatypes, shapes, typed contents, raw contents, BYTES framing, names and parameters disagree. Only
 * an {@link io.inferlink.InferenceException} may come out.
 */
class V2GrpcAnswersFuzzTest {
  private static final String[] DATATYPES = {"BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16",
      "INT32", "INT64", "FP16", "BF16", "FP32", "FP64", "BYTES", "", "FOO", "fp32", "STRING"};
  private static final long[] DIMS = {0, 1, 2, 3, 4, -1, -2, Integer.MAX_VALUE, Integer.MAX_VALUE - 8, 1L << 28,
      (1L << 29) - 1, 1L << 31, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE};

  @Provide
  Arbitrary<ModelInferResponse> mutatedInfer() {
    List<byte[]> seeds = new ArrayList<>(KServeSeeds.get().grpcInfer);
    Random r = new Random(3);
    for (int i = 0; i < 40; i++) {
      seeds.add(randomResponse(r).toByteArray());
    }
    return Mutations.binary(seeds).map(b -> parse(ModelInferResponse.parser(), b)).filter(Objects::nonNull);
  }

  @Provide
  Arbitrary<ModelInferResponse> inferMessages() {
    return Arbitraries.randomValue(V2GrpcAnswersFuzzTest::randomResponse);
  }

  @Provide
  Arbitrary<ModelMetadataResponse> mutatedMetadata() {
    return Mutations.binary(KServeSeeds.get().grpcMetadata).map(b -> parse(ModelMetadataResponse.parser(), b))
        .filter(Objects::nonNull);
  }

  @Property
  void mutatedInferAnswers(@ForAll("mutatedInfer") ModelInferResponse response) {
    DecoderEscapes.onlyInferenceExceptions("V2 gRPC response decoder", response,
        () -> V2GrpcClient.reading("fuzz", V2GrpcResponseDecoder::decode).apply(response));
  }

  @Property
  void inconsistentInferAnswers(@ForAll("inferMessages") ModelInferResponse response) {
    DecoderEscapes.onlyInferenceExceptions("V2 gRPC response decoder", response,
        () -> V2GrpcClient.reading("fuzz", V2GrpcResponseDecoder::decode).apply(response));
  }

  @Property
  void mutatedMetadataAnswers(@ForAll("mutatedMetadata") ModelMetadataResponse response) {
    DecoderEscapes.onlyInferenceExceptions("V2 gRPC metadata reader", response,
        () -> V2GrpcClient.reading("fuzz", V2GrpcClient::metadata).apply(response));
  }

  /** The message, or null for bytes protobuf refuses (as the channel would, before any decoder). */
  static <M> M parse(Parser<M> parser, byte[] bytes) {
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  /** A well-formed message whose parts need not agree with each other. */
  static ModelInferResponse randomResponse(Random r) {
    ModelInferResponse.Builder b = ModelInferResponse.newBuilder().setModelName(r.nextBoolean() ? "m" : "")
        .setModelVersion(r.nextBoolean() ? "1" : "").setId(r.nextBoolean() ? "id" : "");
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      InferParameter.Builder p = InferParameter.newBuilder();
      switch (r.nextInt(6)) {
        case 0: p.setBoolParam(true); break;
        case 1: p.setInt64Param(r.nextLong()); break;
        case 2: p.setStringParam("s"); break;
        case 3: p.setDoubleParam(r.nextBoolean() ? Double.NaN : r.nextDouble()); break;
        case 4: p.setUint64Param(r.nextBoolean() ? -1L : 7L); break;
        default: // no value set
      }
      b.putParameters(r.nextInt(4) == 0 ? "" : "p" + i, p.build());
    }
    int outputs = r.nextInt(4);
    boolean raw = r.nextBoolean();
    for (int i = 0; i < outputs; i++) {
      String datatype = DATATYPES[r.nextInt(DATATYPES.length)];
      InferOutputTensor.Builder o = InferOutputTensor.newBuilder()
          .setName(new String[] {"y", "y", "out" + i, ""}[r.nextInt(4)]).setDatatype(datatype);
      long elements = 1;
      for (int d = 0, rank = r.nextInt(4); d < rank; d++) {
        long dim = r.nextInt(3) == 0 ? DIMS[r.nextInt(DIMS.length)] : r.nextInt(4);
        o.addShape(dim);
        // Exact while small; -1 once the shape is negative or large, so no content is sized by it.
        elements = dim >= 0 && dim <= 64 && elements >= 0 && elements * dim <= 64 ? elements * dim : -1;
      }
      if (!raw || r.nextInt(5) == 0) {
        o.setContents(contents(r, elements));
      }
      b.addOutputs(o);
      if (raw) {
        b.addRawOutputContents(rawContents(r, datatype, elements));
      }
    }
    if (raw && r.nextInt(5) == 0) {
      b.addRawOutputContents(ByteString.copyFrom(new byte[r.nextInt(9)])); // one too many
    }
    return b.build();
  }

  /** Typed values: usually the count the shape needs, in one field or several, in range or not. */
  private static InferTensorContents contents(Random r, long elements) {
    InferTensorContents.Builder c = InferTensorContents.newBuilder();
    for (int f = 0, fields = 1 + r.nextInt(2); f < fields; f++) {
      int count = elements >= 0 && r.nextInt(3) > 0 ? (int) elements + (r.nextInt(4) == 0 ? r.nextInt(3) - 1 : 0)
          : r.nextInt(5);
      for (int i = 0; i < Math.max(0, count); i++) {
        switch (r.nextInt(8)) {
          case 0: c.addBoolContents(r.nextBoolean()); break;
          case 1: c.addIntContents(r.nextBoolean() ? r.nextInt() : r.nextInt(300) - 150); break;
          case 2: c.addInt64Contents(r.nextLong()); break;
          case 3: c.addUintContents(r.nextBoolean() ? r.nextInt() : r.nextInt(300)); break;
          case 4: c.addUint64Contents(r.nextLong()); break;
          case 5: c.addFp32Contents(r.nextFloat()); break;
          case 6: c.addFp64Contents(r.nextDouble()); break;
          default: c.addBytesContents(ByteString.copyFromUtf8(r.nextBoolean() ? "" : "abc"));
        }
      }
    }
    return c.build();
  }

  /** Raw bytes: the size the shape needs, one more or less, or BYTES framing that is right or broken. */
  private static ByteString rawContents(Random r, String datatype, long elements) {
    int size;
    try {
      DataType dtype = DataType.fromWireName(datatype);
      if (dtype == DataType.BYTES && elements >= 0 && r.nextBoolean()) {
        ByteBuffer framed = ByteBuffer.allocate((int) elements * 8 + 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < elements; i++) {
          int[] lengths = {0, 3, 4, -1, Integer.MAX_VALUE, 1000};
          framed.putInt(r.nextInt(3) > 0 ? 3 : lengths[r.nextInt(lengths.length)]).put(new byte[] {'a', 'b', 'c'});
        }
        return ByteString.copyFrom(framed.flip());
      }
      size = elements >= 0 && dtype.isFixedSize() ? (int) elements * dtype.byteSize() : r.nextInt(32);
    } catch (IllegalArgumentException e) {
      size = r.nextInt(32);
    }
    size += r.nextInt(4) == 0 ? r.nextInt(3) - 1 : 0;
    byte[] bytes = new byte[Math.max(0, size)];
    r.nextBytes(bytes);
    return ByteString.copyFrom(bytes);
  }
}
