package io.inferlink.testcontainers.junit;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Serves one run of a matrix test: skips it with the target's reason, fails it with the target's error
 * before any {@code @BeforeEach} method, resolves its parameters, and closes its client after the last
 * {@code @AfterEach} method. Thread-safe.
 */
final class MatrixInvocationExtension
    implements ExecutionCondition, BeforeEachCallback, ParameterResolver, AfterEachCallback {
  private final MatrixTarget target;
  private final ClientOptions options;
  private InferenceClient client;

  MatrixInvocationExtension(MatrixTarget target, ClientOptions options) {
    this.target = target;
    this.options = options;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return target.skipReason() == null
        ? ConditionEvaluationResult.enabled("an endpoint to run against")
        : ConditionEvaluationResult.disabled(target.skipReason());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (target.failure() != null) {
      throw target.failure();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == InferenceClient.class || type == MatrixEndpoint.class || type == String.class;
  }

  @Override
  public synchronized Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == MatrixEndpoint.class) {
      return target.endpoint();
    }
    if (type == String.class) {
      return target.endpoint().endpoint();
    }
    // One client for the whole run: @BeforeEach, the test and @AfterEach methods share it.
    if (client == null) {
      client = InferenceClient.create(target.endpoint().endpoint(), options);
    }
    return client;
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    if (client != null) {
      InferenceClient toClose = client;
      client = null;
      toClose.close();
    }
  }
}
