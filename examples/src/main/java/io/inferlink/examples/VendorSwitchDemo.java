package io.inferlink.examples;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.spi.Endpoint;
import io.inferlink.testkit.TestCertificates;
import io.inferlink.testkit.emulator.Emulator;
import io.inferlink.testkit.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.testkit.emulator.oip.OipGrpcFrontend;
import io.inferlink.testkit.emulator.oip.OipRestFrontend;
import io.inferlink.testkit.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.testkit.emulator.tfserving.TfServingRestFrontend;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The vendor-switch demo: starts the embedded emulator on loopback ports and runs the same
 * {@link IrisApplication} code against every endpoint form this build has a backend for, printing one
 * row per endpoint and exiting non-zero when any row fails. Run it with {@code ./inferlink demo}.
 */
public final class VendorSwitchDemo {
  private static final String DEPLOYMENT_SECRET = "demo-deployment-secret";

  private VendorSwitchDemo() {}

  /** Runs the demo; the exit code is the number of failed rows (0 when all pass). */
  public static void main(String[] args) {
    System.exit(run(System.out));
  }

  /** Runs every row, prints the table to {@code out}, and returns how many rows failed. */
  public static int run(PrintStream out) {
    TestCertificates certificates = TestCertificates.create();
    try (Emulator tfServing = Emulator.builder().frontend(new TfServingRestFrontend())
            .frontend(new TfServingGrpcFrontend()).frontend(new OipGrpcFrontend()).frontend(new OipRestFrontend())
            .frontend(new KServeV1RestFrontend())
            .build().start();
        Emulator gradient = Emulator.builder().frontend(TfServingRestFrontend.builder().tls(certificates)
            .basicAuth("paperspace", DEPLOYMENT_SECRET).build()).build().start()) {
      ClientOptions plain = ClientOptions.defaults();
      ClientOptions protectedDeployment = ClientOptions.builder()
          .trustCertificatesPem(certificates.caCertificatePem())
          .option("paperspace-secret", DEPLOYMENT_SECRET).build();
      List<DemoRow> rows = new ArrayList<>();
      rows.add(DemoRow.run("TF Serving REST, columnar", tfServing.endpoint("tfserving+http"), plain));
      rows.add(DemoRow.run("TF Serving REST, row", tfServing.endpoint("tfserving+http") + "?request-format=row", plain));
      rows.add(DemoRow.run("TF Serving gRPC", tfServing.endpoint("tfserving+grpc"), plain));
      rows.add(DemoRow.run("KServe V1 REST", tfServing.endpoint("kserve-v1+http"), plain));
      rows.add(DemoRow.run("Open Inference Protocol REST, JSON", tfServing.endpoint("kserve-v2+http"), plain));
      rows.add(DemoRow.run("Open Inference Protocol REST, binary",
          tfServing.endpoint("kserve-v2+http") + "?binary=always", plain));
      rows.add(DemoRow.run("Open Inference Protocol gRPC", tfServing.endpoint("kserve-v2+grpc"), plain));
      rows.add(DemoRow.run("Paperspace Gradient (TLS, Basic)", gradient.endpoint("paperspace+https"), protectedDeployment));
      DemoRow.print(rows, out);
      return (int) rows.stream().filter(r -> !r.ok()).count();
    }
  }

  /** One endpoint's result. */
  record DemoRow(String protocol, String endpoint, String outputs, long micros, String error) {
    static DemoRow run(String protocol, String endpoint, ClientOptions options) {
      String shown = Endpoint.parse(endpoint).toString();
      long start = System.nanoTime();
      try (InferenceClient client = InferenceClient.create(endpoint, options)) {
        String labels = String.join(", ", IrisApplication.classify(client));
        return new DemoRow(protocol, shown, labels, (System.nanoTime() - start) / 1000, null);
      } catch (RuntimeException e) {
        return new DemoRow(protocol, shown, "", (System.nanoTime() - start) / 1000, e.getMessage());
      }
    }

    boolean ok() {
      return error == null;
    }

    static void print(List<DemoRow> rows, PrintStream out) {
      String format = "%-38s %-52s %-10s %-36s %10s%n";
      out.printf(format, "protocol", "endpoint", "model", "outputs (label)", "latency");
      for (DemoRow r : rows) {
        out.printf(format, r.protocol, r.endpoint, "classifier", r.ok() ? r.outputs : "FAILED: " + r.error,
            String.format("%.1f ms", r.micros / 1000.0));
      }
      long failed = rows.stream().filter(r -> !r.ok()).count();
      out.println(failed == 0 ? "all " + rows.size() + " endpoints gave the same answer through the same code"
          : failed + " of " + rows.size() + " endpoints failed");
    }
  }
}
