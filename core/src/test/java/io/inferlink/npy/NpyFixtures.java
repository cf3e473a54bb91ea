package io.inferlink.npy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code .npy} files by hand from the format's own facts (magic, version bytes, a
 * little-endian header length, the dictionary, padding to 64 bytes, '\n'), independently of
 * {@link NpyFiles}, so the reader is checked against the format and not against our writer.
 */
final class NpyFixtures {
  private NpyFixtures() {}

  /** A file of format {@code major}.0 with this dictionary and data, padded as NumPy pads. */
  static byte[] npy(int major, String dict, byte[] data) {
    byte[] text = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    int lengthBytes = major == 1 ? 2 : 4;
    int unpadded = 8 + lengthBytes + text.length + 1;
    int padding = (64 - unpadded % 64) % 64;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    ByteBuffer len = ByteBuffer.allocate(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = text.length + padding + 1;
    if (major == 1) {
      len.putShort((short) headerLength);
    } else {
      len.putInt(headerLength);
    }
    out.writeBytes(len.array());
    out.writeBytes(text);
    out.writeBytes(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII));
    out.write('\n');
    out.writeBytes(data);
    return out.toByteArray();
  }

  /** Where the data of a file starts: after the header whose length the file states. */
  static int dataOffset(byte[] npy) {
    ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
    return npy[6] == 1 ? 10 + (b.getShort(8) & 0xFFFF) : 12 + b.getInt(8);
  }

  /** Bytes of unsigned bytes given as ints. */
  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  /** 32-bit little-endian values. */
  static byte[] le32(int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  /** 32-bit big-endian values. */
  static byte[] be32(int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.BIG_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }
}
