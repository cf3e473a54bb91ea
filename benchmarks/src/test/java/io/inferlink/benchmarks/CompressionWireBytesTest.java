package io.inferlink.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The compression figures' shape, measured on the wire against the in-process echo servers: gzip shrinks
 * a zero tensor by orders of magnitude both ways, and costs an incompressible one almost nothing.
 */
class CompressionWireBytesTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void zerosShrinkAndRandomBitsBarelyGrow() {
    for (String scheme : new String[] {"kserve-v2+http", "kserve-v2+grpc"}) {
      CompressionWireBytes.Wire plainZeros = CompressionWireBytes.measure(scheme, CompressionPayloads.ZEROS, "none");
      CompressionWireBytes.Wire gzipZeros = CompressionWireBytes.measure(scheme, CompressionPayloads.ZEROS, "gzip");
      assertTrue(plainZeros.up() > MIB && plainZeros.down() > MIB, scheme + " plain: " + plainZeros);
      assertTrue(gzipZeros.up() < MIB / 100 && gzipZeros.down() < MIB / 100, scheme + " gzip, zeros: " + gzipZeros);
      CompressionWireBytes.Wire plainRandom = CompressionWireBytes.measure(scheme, CompressionPayloads.RANDOM, "none");
      CompressionWireBytes.Wire gzipRandom = CompressionWireBytes.measure(scheme, CompressionPayloads.RANDOM, "gzip");
      assertTrue(gzipRandom.up() < plainRandom.up() * 1.02 && gzipRandom.up() > plainRandom.up() * 0.5,
          scheme + " gzip, random: " + gzipRandom + " vs " + plainRandom);
    }
  }
}
