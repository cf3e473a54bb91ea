package io.inferlink.allit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar inside a Spark 4 local session, whose class path brings Spark's own protobuf and Jackson:
 * each partition of a 1,000-row DataFrame opens one client, calls the emulator's {@code add_one} model
 * for its rows, and closes the client; the driver checks every row.
 */
class SparkIT {
  private static final int ROWS = 1_000;

  private static EmulatorProcess emulator;
  private static SparkSession spark;

  @BeforeAll
  static void start() throws Exception {
    emulator = EmulatorProcess.start();
    spark = SparkSession.builder().master("local[2]").appName("inferlink-all-it")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    try {
      if (spark != null) {
        spark.stop();
      }
    } finally {
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  @Test
  void everyPartitionCallsTheEmulatorOverGrpcThroughTheShadedJar() {
    checkRows(emulator.endpoint("kserve-v2+grpc"));
  }

  @Test
  void everyPartitionCallsTheEmulatorOverRestThroughTheShadedJar() {
    checkRows(emulator.endpoint("tfserving+http"));
  }

  private static void checkRows(String endpoint) {
    long started = System.nanoTime();
    Dataset<Long> ids = spark.range(0, ROWS, 1, 8).as(Encoders.LONG());
    List<String> rows = ids.mapPartitions(addOne(endpoint), Encoders.STRING()).collectAsList();
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("SparkIT: %d rows through %s in %d ms%n", rows.size(), endpoint, millis);

    assertEquals(ROWS, rows.size());
    boolean[] seen = new boolean[ROWS];
    for (String row : rows) {
      String[] parts = row.split(",");
      int id = Integer.parseInt(parts[0]);
      assertEquals(id + 1.0f, Float.parseFloat(parts[1]), "row " + id);
      assertFalse(seen[id], "row " + id + " twice");
      seen[id] = true;
    }
  }

  /** One client per partition, closed when the partition's rows are done; "id,y" per row. */
  private static MapPartitionsFunction<Long, String> addOne(String endpoint) {
    return partition -> {
      List<Long> ids = new ArrayList<>();
      partition.forEachRemaining(ids::add);
      List<String> out = new ArrayList<>(ids.size());
      if (ids.isEmpty()) {
        return out.iterator();
      }
      float[] x = new float[ids.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = ids.get(i);
      }
      try (InferenceClient client = InferenceClient.create(endpoint)) {
        float[] y = client.infer(InferenceRequest.builder(ModelRef.of("add_one"))
            .input(Tensor.ofFloats("x", x, x.length)).build()).output("y").toFloatArray();
        for (int i = 0; i < y.length; i++) {
          out.add(ids.get(i) + "," + y[i]);
        }
      }
      return out.iterator();
    };
  }
}
