package io.inferlink.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's floor for the same payload: a plain copy ({@code System.arraycopy} of the floats,
 * {@code ByteBuffer} bulk put of them as little-endian bytes) and a raw loopback socket round trip of
 * the bytes (there and back, as an identity call moves them) from and into direct buffers. Every
 * other figure can be read as a multiple of these.
 */
// The quick mode's iterations (benchmarks/run full overrides them).
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FloorBench {
  @Param({Payloads.IMAGE, Payloads.BATCH})
  public String shape;

  private float[] values;
  private float[] copy;
  private ByteBuffer heap;
  private ByteBuffer out;
  private ByteBuffer in;
  private SocketChannel socket;

  @Setup
  public void setUp() throws IOException {
    values = Payloads.floats(Payloads.shape(shape));
    copy = new float[values.length];
    heap = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    out = ByteBuffer.allocateDirect(4 + values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(values.length * 4).put(Payloads.littleEndian(values)).flip();
    in = ByteBuffer.allocateDirect(values.length * 4);
    socket = SocketChannel.open(new InetSocketAddress(BenchTargets.HOST, BenchTargets.socketPort()));
    socket.socket().setTcpNoDelay(true);
  }

  @TearDown
  public void tearDown() throws IOException {
    socket.close();
  }

  @Benchmark
  public float[] arraycopy() {
    System.arraycopy(values, 0, copy, 0, values.length);
    return copy;
  }

  @Benchmark
  public ByteBuffer bytebuffer_put() {
    heap.clear();
    heap.asFloatBuffer().put(values);
    return heap;
  }

  @Benchmark
  public ByteBuffer socket_roundtrip() throws IOException {
    out.rewind();
    while (out.hasRemaining()) {
      socket.write(out);
    }
    in.clear();
    while (in.hasRemaining()) {
      if (socket.read(in) < 0) {
        throw new IOException("the echo server closed the connection");
      }
    }
    return in;
  }
}
