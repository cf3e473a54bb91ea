package io.inferlink.transport.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The channel's gzip writes standard gzip that any inflater reads, and is what the registry hands out for "gzip". */
class FastGzipCodecTest {
  @Test
  void writesGzipThatAnyInflaterReads() throws Exception {
    byte[] data = new byte[200_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i / 1000);
    }
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    try (OutputStream out = FastGzipCodec.INSTANCE.compress(wire)) {
      out.write(data);
    }
    assertTrue(wire.size() < data.length / 20, "compressible data shrinks: " + wire.size());
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(wire.toByteArray()))) {
      assertArrayEquals(data, in.readAllBytes());
    }
    try (var in = FastGzipCodec.INSTANCE.decompress(new ByteArrayInputStream(wire.toByteArray()))) {
      assertArrayEquals(data, in.readAllBytes());
    }
  }

  @Test
  void theRegistryOfACompressingChannelHasItAsGzip() {
    assertSame(FastGzipCodec.INSTANCE, GzipCallsInterceptor.compressors().lookupCompressor("gzip"));
    assertEquals("gzip", FastGzipCodec.INSTANCE.getMessageEncoding());
  }
}
