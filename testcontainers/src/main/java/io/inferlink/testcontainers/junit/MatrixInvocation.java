package io.inferlink.testcontainers.junit;

import io.inferlink.ClientOptions;
import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/** One run of a matrix test method: its name and the extension that serves it. */
final class MatrixInvocation implements TestTemplateInvocationContext {
  private final MatrixTarget target;
  private final ClientOptions options;

  MatrixInvocation(MatrixTarget target, ClientOptions options) {
    this.target = target;
    this.options = options;
  }

  @Override
  public String getDisplayName(int invocationIndex) {
    return target.displayName();
  }

  @Override
  public List<Extension> getAdditionalExtensions() {
    // A new extension per run: it holds that run's client.
    return List.of(new MatrixInvocationExtension(target, options));
  }
}
