package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import io.inferlink.emulator.oip.OipRestFrontend;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BYTES answers whose JSON strings hold raw bytes, as Triton writes them when an output is answered
 * as JSON: the bytes come back as they were, over {@code binary=never} and over {@code binary=auto}
 * when the caller asks for JSON outputs itself.
 */
class V2RestRawByteAnswersTest {
  /** A model whose one BYTES output is not UTF-8 whatever its input: each input string's UTF-16 bytes. */
  private static final String UTF16 = "utf16";
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    ScriptedModel utf16 = ScriptedModel.of(UTF16, List.of(new TensorSpec("s", DataType.BYTES, new long[] {-1})),
        List.of(new TensorSpec("u", DataType.BYTES, new long[] {-1})), call -> {
          List<String> in = call.input("s").orElseThrow().toStringList();
          byte[][] out = in.stream().map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)).toArray(byte[][]::new);
          return List.of(Tensor.ofBytes("u", out, out.length));
        });
    emulator = Emulator.builder().script(ModelScript.builder().addBuiltins().add(utf16).build())
        .frontend(OipRestFrontend.builder().rawByteStrings().build()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void aModelAnsweringNonUtf8BytesIsReadOverPlainJson() {
    try (InferenceClient client = InferenceClient.create(emulator.endpoint("kserve-v2+http") + "?binary=never")) {
      Tensor u = client.infer(InferenceRequest.builder(UTF16)
          .input(Tensor.ofStrings("s", new String[] {"ÿ", "a\"\\", ""}, 3)).build()).output("u");
      assertEquals(3, u.toBytesList().size());
      assertArrayEquals(new byte[] {(byte) 0xFF, 0}, u.toBytesList().get(0));
      assertArrayEquals(new byte[] {'a', 0, '"', 0, '\\', 0}, u.toBytesList().get(1));
      assertArrayEquals(new byte[0], u.toBytesList().get(2));
    }
  }

  @Test
  void nonUtf8BytesSentBinaryComeBackFromAJsonOutput() {
    byte[][] values = {{(byte) 0xFF, (byte) 0xFE}, {(byte) 0xC0, (byte) 0x80}, "é".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        {0, 1, '"'}};
    try (InferenceClient client = InferenceClient.create(emulator.endpoint("kserve-v2+http"))) {
      Tensor c = client.infer(InferenceRequest.builder("identity").input(Tensor.ofBytes("c", values, 4))
          .parameter("binary_data_output", false).build()).output("c");
      for (int i = 0; i < values.length; i++) {
        assertArrayEquals(values[i], c.toBytesList().get(i), "element " + i);
      }
    }
  }
}
