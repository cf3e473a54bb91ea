package io.inferlink.internal.group;

import io.inferlink.Capabilities;
import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.ServerMetadata;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.routing.EndpointGroup;
import io.inferlink.routing.EndpointStatus;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.support.AbstractInferenceClient;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.spi.support.RetryBudgetTracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client over several endpoints, tier by tier: the hosts of the client's endpoint, then each fallback endpoint.
 * It is built on the skeleton like any client, so its calls pass the same gate and pipeline (interceptors,
 * retries, attempt interceptors, logging); each attempt goes to one member ({@link GroupCall}), sent with the
 * member's own prepared call for the operation and the attempt's headers and time left. Its capabilities are what
 * every member can do, so what works on the primary still works after failover. {@code unwrap} reaches this
 * group's {@link EndpointGroup} status, else the first member's extensions (extensions are not balanced and
 * bypass the group's pipeline). Thread-safe.
 */
final class ClientGroup extends AbstractInferenceClient implements EndpointGroup {
  private final MemberPicker picker;
  private final HealthChecks healthChecks;
  private final Duration hedgeDelay;
  private final RetryBudgetTracker hedgeBudget;
  private final boolean countsCalls;
  private volatile AutoCloseable addressRefresh;

  ClientGroup(Endpoint first, ClientOptions options, List<List<GroupMember>> tiers) {
    super(tiers.get(0).get(0).client().providerName(), first, options, common(tiers));
    this.picker = new MemberPicker(tiers, options.balancing());
    this.hedgeDelay = options.hedgeDelay();
    // Hedged attempts spend the retry budget: the one the retries count calls in when they are on, else our own.
    this.countsCalls = !options.retryPolicy().isEnabled() || pipeline().retryBudget() == null;
    this.hedgeBudget = countsCalls ? new RetryBudgetTracker(options.retryBudget()) : pipeline().retryBudget();
    Duration interval = options.healthCheckInterval();
    this.healthChecks = interval.isZero() ? null : new HealthChecks(picker::members, interval);
  }

  /** What every member can do. */
  private static Capabilities common(List<List<GroupMember>> tiers) {
    Set<Capability> features = EnumSet.allOf(Capability.class);
    Set<DataType> types = EnumSet.allOf(DataType.class);
    for (List<GroupMember> tier : tiers) {
      for (GroupMember m : tier) {
        features.retainAll(m.client().capabilities().features());
        types.retainAll(m.client().capabilities().dataTypes());
      }
    }
    return Capabilities.of(features, types);
  }

  @Override
  protected PreparedCall<InferenceResponse> prepareInfer(InferenceRequest request) {
    return call(Operation.INFER, request, null, request.idempotent());
  }

  @Override
  protected PreparedCall<ModelMetadata> prepareModelMetadata(ModelRef model) {
    return call(Operation.MODEL_METADATA, null, model, true);
  }

  @Override
  protected PreparedCall<Boolean> prepareModelReady(ModelRef model) {
    return call(Operation.MODEL_READY, null, model, true);
  }

  @Override
  protected PreparedCall<Boolean> prepareServerLive() {
    return call(Operation.SERVER_LIVE, null, null, true);
  }

  @Override
  protected PreparedCall<Boolean> prepareServerReady() {
    return call(Operation.SERVER_READY, null, null, true);
  }

  @Override
  protected PreparedCall<ServerMetadata> prepareServerMetadata() {
    return call(Operation.SERVER_METADATA, null, null, true);
  }

  private <T> PreparedCall<T> call(Operation operation, InferenceRequest request, ModelRef model, boolean idempotent) {
    if (countsCalls) {
      hedgeBudget.recordCall();
    }
    // Each member builds the request in its own protocol once per call, on the first attempt it gets.
    Map<GroupMember, PreparedCall<T>> built = new ConcurrentHashMap<>();
    GroupCall.MemberSend<T> send = new GroupCall.MemberSend<>() {
      @Override
      public CompletableFuture<T> send(GroupMember member, Attempt attempt) {
        PreparedCall<T> prepared;
        try {
          prepared = onMember(member, operation, request, model, built);
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
        return prepared.send(attempt);
      }

      @Override
      public T sendBlocking(GroupMember member, Attempt attempt) {
        return onMember(member, operation, request, model, built).sendBlocking(attempt);
      }
    };
    return new GroupCall<>(picker, send, providerName(), idempotent ? hedgeDelay : Duration.ZERO, hedgeBudget);
  }

  /**
   * The member's own prepared call for the operation, built on its first attempt of this call; for a member not on
   * the skeleton, a call of its public method (which cannot carry per-call headers, so refuses calls that have some).
   */
  private <T> PreparedCall<T> onMember(GroupMember member, Operation operation, InferenceRequest request,
      ModelRef model, Map<GroupMember, PreparedCall<T>> built) {
    InferenceClient client = member.client();
    if (client instanceof AbstractInferenceClient) {
      return built.computeIfAbsent(member, m -> prepareOf((AbstractInferenceClient) client, operation, request, model));
    }
    return attempt -> attempt.headers().isEmpty() ? PublicCalls.<T>send(client, operation, request, model)
        : CompletableFuture.failedFuture(new UnsupportedFeatureException(client.providerName()
            + " cannot send per-call headers (headers " + attempt.headers().keySet() + ")"));
  }

  @Override
  public List<EndpointStatus> members() {
    List<EndpointStatus> all = new ArrayList<>();
    picker.members().forEach(m -> all.add(m.status()));
    return all;
  }

  MemberPicker picker() {
    return picker;
  }

  /** Stops {@code refresh} when the group closes (it changes the members; it must stop first). */
  void closeWith(AutoCloseable refresh) {
    this.addressRefresh = refresh;
  }

  /** The group's own options (tests). */
  ClientOptions groupOptions() {
    return options();
  }

  /** The health checks' thread name, or null when they are off (tests). */
  String healthCheckThread() {
    return healthChecks == null ? null : healthChecks.threadName();
  }

  @Override
  public <U> U unwrap(Class<U> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return picker.members().get(0).client().unwrap(type);
  }

  @Override
  protected void closeTransport() {
    AutoCloseable refresh = addressRefresh;
    if (refresh != null) {
      try {
        refresh.close();
      } catch (Exception e) {
        throw new IllegalStateException("stopping the address refresh failed", e);
      }
    }
    if (healthChecks != null) {
      healthChecks.close();
    }
    RuntimeException first = null;
    for (GroupMember m : picker.members()) {
      try {
        m.client().close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "ClientGroup{" + providerName() + ", " + picker.members() + (isClosed() ? ", closed" : "") + "}";
  }
}
