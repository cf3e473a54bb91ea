package io.inferlink.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.InferenceClient;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.ServerMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.UnsupportedFeatureException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code inferlink metadata}: a model's inputs and outputs, or the server's name and version.
 * JSON: {@code {"name","versions","platform","inputs":[{"name","dtype","shape"}],"outputs":[...]}}
 * for a model, {@code {"name","version","extensions"}} for the server.
 */
@Command(name = "metadata", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Prints a model's inputs and outputs (--model), or the server's name, version and extensions.")
final class MetadataCommand extends ClientCommand {
  @Option(names = {"-m", "--model"}, paramLabel = "NAME[:VERSION|@LABEL]", description = "The model; without it, the server.")
  String model;

  @Option(names = {"-o", "--output"}, paramLabel = "table|json", defaultValue = "table", description = "table or json.")
  OutputFormat output;

  @Override
  public Integer call() {
    ModelRef ref = model == null ? null : model(model);
    try (InferenceClient client = connect()) {
      if (ref != null) {
        ModelMetadata m = client.modelMetadata(ref);
        out().println(output == OutputFormat.json ? json(m) : table(m));
      } else {
        ServerMetadata s = client.serverMetadata();
        out().println(output == OutputFormat.json ? json(s)
            : "server " + s.name() + " version " + s.version() + "\nextensions " + s.extensions());
      }
    } catch (CommandFailure | UsageError e) {
      throw e;
    } catch (UnsupportedFeatureException e) {
      throw ref == null ? perModelOnly("metadata", "metadata", e)
          : new CommandFailure("metadata of model '" + ref + "'", shownEndpoint(), e);
    } catch (RuntimeException e) {
      throw new CommandFailure(ref == null ? "server metadata" : "metadata of model '" + ref + "'", shownEndpoint(), e);
    }
    out().flush();
    return ExitCodes.OK;
  }

  private static String table(ModelMetadata m) {
    StringWriter text = new StringWriter();
    java.io.PrintWriter w = new java.io.PrintWriter(text);
    w.println("model " + m.name() + " versions " + m.versions() + (m.platform().isEmpty() ? "" : " platform " + m.platform()));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"", "name", "dtype", "shape"});
    m.inputs().forEach(s -> rows.add(new String[] {"input", s.name(), s.dtype().wireName(), Arrays.toString(s.shape())}));
    m.outputs().forEach(s -> rows.add(new String[] {"output", s.name(), s.dtype().wireName(), Arrays.toString(s.shape())}));
    Tables.print(w, rows);
    w.flush();
    return text.toString().stripTrailing();
  }

  static String json(ModelMetadata m) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = ResponseJson.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("name", m.name());
      g.writeArrayFieldStart("versions");
      for (String v : m.versions()) {
        g.writeString(v);
      }
      g.writeEndArray();
      g.writeStringField("platform", m.platform());
      specs(g, "inputs", m.inputs());
      specs(g, "outputs", m.outputs());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String json(ServerMetadata s) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = ResponseJson.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("name", s.name());
      g.writeStringField("version", s.version());
      g.writeArrayFieldStart("extensions");
      for (String e : s.extensions()) {
        g.writeString(e);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void specs(JsonGenerator g, String field, List<TensorSpec> specs) throws IOException {
    g.writeArrayFieldStart(field);
    for (TensorSpec s : specs) {
      g.writeStartObject();
      g.writeStringField("name", s.name());
      g.writeStringField("dtype", s.dtype().wireName());
      g.writeArrayFieldStart("shape");
      for (long d : s.shape()) {
        g.writeNumber(d);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
