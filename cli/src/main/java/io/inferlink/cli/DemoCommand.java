package io.inferlink.cli;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.TestCertificates;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.emulator.ovms.OvmsFrontends;
import io.inferlink.emulator.ovms.OvmsRelease;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code inferlink demo}, the vendor switch: starts the embedded emulator on loopback ports and runs
 * the same {@link IrisApplication} code against every endpoint form, one row each, exiting 1 when
 * any row fails. A new backend joins with its dependency in the pom and a row (and, if the emulator
 * needs one, a frontend) in {@link #run}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs one application against every endpoint form on the embedded emulator.", "",
        "Starts the emulator on 127.0.0.1 and runs the same code (IrisApplication) against every endpoint",
        "form, printing one row per endpoint (protocol, endpoint, model, outputs, latency).",
        "Exit code 0 when every row passes, 1 otherwise."})
public final class DemoCommand extends BaseCommand {
  private static final String DEPLOYMENT_SECRET = "demo-deployment-secret";

  @Override
  public Integer call() {
    List<DemoRow> rows = run();
    DemoRow.print(rows, out());
    out().flush();
    return rows.stream().allMatch(DemoRow::ok) ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /** Runs every row against a fresh emulator, which is closed again before this returns. */
  static List<DemoRow> run() {
    TestCertificates certificates = TestCertificates.create();
    try (Emulator servers = Emulator.builder().maxLifetime(Duration.ofMinutes(5))
            .frontend(new TfServingRestFrontend()).frontend(new TfServingGrpcFrontend())
            .frontend(new KServeV1RestFrontend()).frontend(new OipRestFrontend()).frontend(new OipGrpcFrontend())
            .build().start();
        Emulator ovms = ovmsEmulator();
        Emulator gradient = Emulator.builder().maxLifetime(Duration.ofMinutes(5))
            .frontend(TfServingRestFrontend.builder().tls(certificates).basicAuth("paperspace", DEPLOYMENT_SECRET).build())
            .build().start()) {
      ClientOptions plain = ClientOptions.defaults();
      ClientOptions protectedDeployment = ClientOptions.builder()
          .trustCertificatesPem(certificates.caCertificatePem())
          .option("paperspace-secret", DEPLOYMENT_SECRET).build();
      List<DemoRow> rows = new ArrayList<>();
      rows.add(row("TF Serving REST, columnar", servers.endpoint("tfserving+http"), plain));
      rows.add(row("TF Serving REST, row", servers.endpoint("tfserving+http") + "?request-format=row", plain));
      rows.add(row("TF Serving gRPC", servers.endpoint("tfserving+grpc"), plain));
      rows.add(row("KServe V1 REST", servers.endpoint("kserve-v1+http"), plain));
      rows.add(row("Open Inference Protocol REST, JSON", servers.endpoint("kserve-v2+http") + "?binary=never", plain));
      rows.add(row("Open Inference Protocol REST, binary", servers.endpoint("kserve-v2+http") + "?binary=always", plain));
      rows.add(row("Open Inference Protocol gRPC", servers.endpoint("kserve-v2+grpc"), plain));
      rows.add(row("OpenVINO Model Server REST, KServe API", ovms.endpoint("ovms+http"), plain));
      rows.add(row("OpenVINO Model Server gRPC, KServe API", ovms.endpoint("ovms+grpc"), plain));
      rows.add(row("OpenVINO Model Server REST, TF Serving API", ovms.endpoint("ovms+http") + "?api=tfs", plain));
      rows.add(row("OpenVINO Model Server gRPC, TF Serving API", ovms.endpoint("ovms+grpc") + "?api=tfs", plain));
      rows.add(row("Paperspace Gradient (TLS, Basic)", gradient.endpoint("paperspace+https"), protectedDeployment));
      return rows;
    }
  }

  /** An emulated OVMS 2026.2, the last release with both APIs, on its own REST and gRPC ports. */
  private static Emulator ovmsEmulator() {
    OvmsFrontends ovms = OvmsFrontends.of(OvmsRelease.V2026_2);
    return Emulator.builder().maxLifetime(Duration.ofMinutes(5)).frontend(ovms.rest()).frontend(ovms.grpc()).build().start();
  }

  private static DemoRow row(String protocol, String endpoint, ClientOptions options) {
    String shown = ClientCommand.shown(endpoint);
    long start = System.nanoTime();
    try (InferenceClient client = InferenceClient.create(endpoint, options)) {
      String labels = String.join(", ", IrisApplication.classify(client));
      return new DemoRow(protocol, shown, labels, System.nanoTime() - start, null);
    } catch (RuntimeException e) {
      return new DemoRow(protocol, shown, "", System.nanoTime() - start,
          ErrorReport.shortReason(e, io.inferlink.spi.support.SecretScrubber.of(List.of(DEPLOYMENT_SECRET))));
    }
  }
}
