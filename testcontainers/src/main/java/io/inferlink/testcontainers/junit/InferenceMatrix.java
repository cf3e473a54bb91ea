package io.inferlink.testcontainers.junit;

import io.inferlink.ClientOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.lifecycle.Startable;

/**
 * A JUnit 5 extension that runs each {@link MatrixTest} method once per endpoint of its servers
 * (Testcontainers {@link Startable}s, started the first time a run needs them and stopped after the
 * test class) and of its plain endpoint strings. Register it on a {@code static} field with
 * {@code @RegisterExtension}; see the package documentation for an example. Immutable and thread-safe;
 * what one class run started lives in that class's {@link ExtensionContext}.
 */
public final class InferenceMatrix
    implements BeforeAllCallback, AfterAllCallback, TestTemplateInvocationContextProvider {
  /** The JUnit configuration parameter or system property naming the entries to run, comma-separated. */
  public static final String SELECTION_PROPERTY = "inferlink.matrix";
  /** The environment variable read when {@link #SELECTION_PROPERTY} is not set. */
  public static final String SELECTION_VARIABLE = "INFERENCE_MATRIX";

  private static final Namespace NAMESPACE = Namespace.create(InferenceMatrix.class);

  private final List<MatrixEntry> entries;
  private final ClientOptions clientOptions;
  private final boolean startInParallel;

  private InferenceMatrix(Builder builder) {
    this.entries = List.copyOf(builder.entries);
    this.clientOptions = builder.clientOptions;
    this.startInParallel = builder.startInParallel;
  }

  /**
   * Starts an empty matrix; add at least one server or endpoint.
   *
   * @return a builder with no entry, default client options and servers started one by one
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The entries' names, in the order their runs come.
   *
   * @return the names, as given to the builder
   */
  public List<String> names() {
    return entries.stream().map(MatrixEntry::name).toList();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // A @Nested class sees its enclosing class's run (the store looks in parent contexts) and reuses its servers.
    if (context.getStore(NAMESPACE).get(this) == null) {
      context.getStore(NAMESPACE).put(this, new MatrixRun(context.getUniqueId()));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    MatrixRun run = context.getStore(NAMESPACE).get(this, MatrixRun.class);
    if (run != null && run.isOwnedBy(context.getUniqueId())) {
      context.getStore(NAMESPACE).remove(this);
      run.stopAll();
    }
  }

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return AnnotationSupport.isAnnotated(context.getTestMethod(), MatrixTest.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    MatrixRun run = context.getStore(NAMESPACE).get(this, MatrixRun.class);
    if (run == null) {
      // JUnit calls beforeAll first wherever it can see the field at template time; this is a guard.
      throw new ExtensionConfigurationException("the InferenceMatrix of " + context.getRequiredTestClass().getName()
          + " was not set up for the class: register it with @RegisterExtension on a static field");
    }
    MatrixSelection selection = MatrixSelection.from(context);
    if (startInParallel) {
      run.startInBackground(entries.stream().filter(e -> e instanceof ServerEntry && selection.selects(e.name()))
          .map(ServerEntry.class::cast).toList());
    }
    // Lazy: JUnit takes one run at a time, so each server starts just before its first run.
    return entries.stream()
        .flatMap(e -> selection.selects(e.name())
            ? e.targets(run)
            : Stream.of(MatrixTarget.skipped(e.name(), e.unselectedLabel(), selection.skipReason(e.name()))))
        .map(target -> new MatrixInvocation(target, clientOptions));
  }

  @Override
  public String toString() {
    return "InferenceMatrix" + names();
  }

  /** Builds an {@link InferenceMatrix}; not thread-safe. */
  public static final class Builder {
    private final List<MatrixEntry> entries = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();
    private ClientOptions clientOptions = ClientOptions.defaults();
    private boolean startInParallel;

    private Builder() {
    }

    /**
     * Adds a server: started before its first run (once per test class), stopped after the class, each
     * endpoint function read once it has started and giving one run per endpoint, in order. The matrix
     * owns the server's lifecycle: do not also annotate it {@code @Container}.
     *
     * @param name the entry's name: shown as {@code [name]} and selected by {@value #SELECTION_PROPERTY}
     * @param server the server, usually a Testcontainers container
     * @param endpoints at least one function reading an endpoint string from the started server, e.g.
     *     {@code TritonServerContainer::kserveV2GrpcEndpoint}
     * @param <T> the server's type, which the endpoint functions read
     * @return this builder
     * @throws IllegalArgumentException when the name is blank, has a comma or is taken, or no endpoint function is given
     */
    @SafeVarargs
    public final <T extends Startable> Builder server(String name, T server, Function<? super T, String>... endpoints) {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(endpoints, "endpoints");
      if (endpoints.length == 0) {
        throw new IllegalArgumentException("server '" + name + "' needs at least one endpoint function");
      }
      // Copied element by element: the array itself never leaves this method, which is what makes it @SafeVarargs.
      List<Function<? super T, String>> functions = new ArrayList<>();
      for (Function<? super T, String> f : endpoints) {
        functions.add(Objects.requireNonNull(f, "an endpoint function of server '" + name + "'"));
      }
      return add(new ServerEntry(checkName(name), server, functions));
    }

    /**
     * Adds an endpoint string, e.g. {@code System.getenv("STAGING_ENDPOINT")}: null or blank skips its run
     * with the reason "no endpoint given for '{@code <name>}'".
     *
     * @param name the entry's name: shown as {@code [name]} and selected by {@value #SELECTION_PROPERTY}
     * @param endpoint the endpoint string, or null or blank to skip this entry's run
     * @return this builder
     * @throws IllegalArgumentException when the name is blank, has a comma or is taken
     */
    public Builder endpoint(String name, String endpoint) {
      return add(new EndpointEntry(checkName(name), endpoint, "no endpoint given for '" + name + "'"));
    }

    /**
     * Adds the endpoint string held by an environment variable, read now; when it is unset or blank the
     * run is skipped with the reason "environment variable {@code <variable>} is not set".
     *
     * @param name the entry's name: shown as {@code [name]} and selected by {@value #SELECTION_PROPERTY}
     * @param variable the environment variable holding the endpoint string
     * @return this builder
     * @throws IllegalArgumentException when the name is blank, has a comma or is taken
     */
    public Builder endpointFromEnvironment(String name, String variable) {
      Objects.requireNonNull(variable, "variable");
      return add(new EndpointEntry(checkName(name), System.getenv(variable),
          "environment variable " + variable + " is not set"));
    }

    /**
     * The options of every {@code InferenceClient} parameter; {@link ClientOptions#defaults()} if not set.
     *
     * @param options the options every client parameter is created with
     * @return this builder
     */
    public Builder clientOptions(ClientOptions options) {
      this.clientOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Starts every selected server at once, each on its own thread, when the class's first matrix test
     * begins, instead of one after another as their runs come. Worth it for several slow containers.
     *
     * @return this builder
     */
    public Builder startInParallel() {
      this.startInParallel = true;
      return this;
    }

    /**
     * Builds the matrix.
     *
     * @return the matrix, to be registered with {@code @RegisterExtension} in a static field
     * @throws IllegalStateException when nothing was added
     */
    public InferenceMatrix build() {
      if (entries.isEmpty()) {
        throw new IllegalStateException("an InferenceMatrix needs at least one server or endpoint");
      }
      return new InferenceMatrix(this);
    }

    private Builder add(MatrixEntry entry) {
      entries.add(entry);
      return this;
    }

    private String checkName(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || name.contains(",") || !name.equals(name.trim())) {
        throw new IllegalArgumentException("matrix entry name '" + name
            + "' must be non-blank, without commas or surrounding spaces (it is selected by "
            + SELECTION_PROPERTY + "=name,name)");
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException("matrix entry name '" + name + "' is used twice");
      }
      return name;
    }
  }
}
