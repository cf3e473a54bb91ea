package io.inferlink.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.spi.support.Errors;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code inferlink batch}: many requests through one model with bounded concurrency, one JSON line
 * per result in completion order ({@code index} gives the input order), a failed item recorded with
 * its error while the run goes on. Exit 0 when every item succeeded, 1 otherwise.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs a JSONL file or a folder of .npy files through a model.",
        "",
        "JSONL: one request per line, {\"id\": \"a\", \"inputs\": {\"x\": [[1,2,3,4]]}} or just {\"x\": [[1,2,3,4]]};",
        "  a value is a JSON literal (typed as for 'infer --input') or {\"dtype\":\"FP32\",\"shape\":[1,4],\"data\":[...]}.",
        "Folder: each .npy file is one request whose single input is that array.",
        "Results: one JSON line per item, in completion order:",
        "  {\"index\":0,\"id\":\"a\",\"ok\":true,\"latency_ms\":1.2,\"model\":...,\"version\":...,\"outputs\":[...]}",
        "  {\"index\":1,\"id\":\"line-2\",\"ok\":false,\"latency_ms\":0.8,\"error\":{\"code\":\"INVALID_ARGUMENT\",\"message\":\"...\"}}",
        "Progress goes to standard error: a bar with rate and ETA on a terminal, plain lines otherwise.",
        "Exit code 0 when every item succeeded, 1 when any failed."})
final class BatchCommand extends ClientCommand {
  @Option(names = {"-m", "--model"}, required = true, paramLabel = "NAME[:VERSION|@LABEL]", description = "The model.")
  String model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--jsonl", paramLabel = "FILE", description = "A JSONL file of requests.")
    Path jsonl;

    @Option(names = "--npy-dir", paramLabel = "DIR", description = "A folder of .npy files, one request each.")
    Path npyDir;
  }

  @Option(names = "--input-name", paramLabel = "NAME",
      description = "With --npy-dir: the input the arrays go to (default: the model's only input, from its metadata).")
  String inputName;

  @Option(names = {"-c", "--concurrency"}, defaultValue = "4", paramLabel = "N",
      description = "Requests in flight at most (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--out", paramLabel = "FILE", description = "Where the JSONL results go (default: standard output).")
  Path outFile;

  @Option(names = "--progress-every", paramLabel = "DURATION", converter = Durations.class, defaultValue = "5s",
      description = "When not on a terminal: how often to print a progress line (default: ${DEFAULT-VALUE}).")
  Duration progressEvery;

  @Override
  public Integer call() {
    if (concurrency < 1 || concurrency > 1024) {
      throw new UsageError("--concurrency must be 1..1024, got " + concurrency);
    }
    ModelRef ref = model(model);
    try (InferenceClient client = connect()) {
      String name = source.npyDir == null ? null : inputName != null ? inputName : onlyInput(client, ref);
      try (BatchSource items = source.jsonl != null ? BatchSource.jsonl(source.jsonl) : BatchSource.npyFolder(source.npyDir, name);
          Writer results = results();
          Progress progress = new Progress(err(), root().interactive.getAsBoolean(), items.total(), progressEvery)) {
        long failed = run(client, ref, items, results, progress);
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
      } catch (IOException e) {
        throw new UsageError("cannot write results: " + e.getMessage(), e);
      }
    }
  }

  private long run(InferenceClient client, ModelRef ref, BatchSource items, Writer results, Progress progress) {
    Semaphore inFlight = new Semaphore(concurrency);
    long[] failed = {0};
    while (items.hasNext()) {
      BatchItem item = items.next();
      inFlight.acquireUninterruptibly();
      long start = System.nanoTime();
      CompletableFuture<InferenceResponse> call;
      if (item.problem() != null) {
        call = CompletableFuture.failedFuture(new IllegalArgumentException(item.problem()));
      } else {
        try {
          call = client.inferAsync(InferenceRequest.builder(ref).inputs(item.inputs()).build());
        } catch (RuntimeException e) {
          call = CompletableFuture.failedFuture(e);
        }
      }
      call.whenComplete((response, error) -> {
        try {
          String line = record(item, response, error == null ? null : Errors.unwrapFutureException(error), System.nanoTime() - start);
          synchronized (results) {
            results.write(line);
            results.write('\n');
            results.flush();
            if (error != null) {
              failed[0]++;
            }
          }
          progress.completed(error == null);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          inFlight.release();
        }
      });
    }
    inFlight.acquireUninterruptibly(concurrency); // every call has finished
    synchronized (results) {
      return failed[0];
    }
  }

  private String record(BatchItem item, InferenceResponse response, Throwable error, long nanos) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = ResponseJson.FACTORY.createGenerator(text)) {
      g.writeStartObject();
      g.writeNumberField("index", item.index());
      g.writeStringField("id", item.id());
      g.writeBooleanField("ok", error == null);
      g.writeNumberField("latency_ms", Math.round(nanos / 1e4) / 100.0);
      if (error == null) {
        ResponseJson.writeFields(g, response, false);
      } else {
        g.writeObjectFieldStart("error");
        g.writeStringField("code", error instanceof InferenceException ? ((InferenceException) error).code().name()
            : error instanceof IllegalArgumentException ? "BAD_INPUT" : "CLIENT_ERROR");
        g.writeStringField("message", ErrorReport.shortReason(error, secrets()));
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    return text.toString();
  }

  private String onlyInput(InferenceClient client, ModelRef ref) {
    ModelMetadata m;
    try {
      m = client.modelMetadata(ref);
    } catch (RuntimeException e) {
      throw new CommandFailure("metadata of model '" + ref + "' (to name the input; or give --input-name)", shownEndpoint(), e);
    }
    if (m.inputs().size() != 1) {
      throw new UsageError("model '" + ref + "' has " + m.inputs().size() + " inputs; say which one the arrays go to"
          + " with --input-name");
    }
    return m.inputs().get(0).name();
  }

  private Writer results() throws IOException {
    if (outFile == null) {
      PrintWriter out = out();
      return new Writer() { // standard output stays open after the run
        @Override
        public void write(char[] buf, int off, int len) {
          out.write(buf, off, len);
        }

        @Override
        public void flush() {
          out.flush();
        }

        @Override
        public void close() {
          out.flush();
        }
      };
    }
    return new OutputStreamWriter(Files.newOutputStream(outFile), StandardCharsets.UTF_8);
  }
}
