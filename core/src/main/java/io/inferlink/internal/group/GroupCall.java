package io.inferlink.internal.group;

import io.inferlink.InferenceException;
import io.inferlink.spi.support.Attempt;
import io.inferlink.spi.support.Errors;
import io.inferlink.spi.support.Futures;
import io.inferlink.spi.support.PreparedCall;
import io.inferlink.spi.support.RetryBudgetTracker;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One operation of a group, prepared: each attempt goes to the member {@link MemberPicker} chooses (members this
 * call tried are avoided while others remain), and the member's outcome is recorded before the pipeline sees it,
 * so that a retry already knows of an ejection. With a hedge delay, an idempotent call whose attempt has no
 * answer after the delay sends a second attempt to another available member (paid from the retry budget); the
 * first answer wins and the other attempt is cancelled; when both fail, the attempt fails with the last failure.
 * One instance per call; thread-safe.
 */
final class GroupCall<T> implements PreparedCall<T> {
  /** Sends one attempt of the operation to one member. */
  interface MemberSend<T> {
    CompletableFuture<T> send(GroupMember member, Attempt attempt);

    /** As {@link #send}, waiting on this thread (where the member's transport may read the answer itself). */
    T sendBlocking(GroupMember member, Attempt attempt);
  }

  private final MemberPicker picker;
  private final MemberSend<T> send;
  private final String provider;
  private final Duration hedgeDelay;
  private final RetryBudgetTracker hedgeBudget;
  private final Set<GroupMember> tried = ConcurrentHashMap.newKeySet();

  /** {@code hedgeDelay} zero (or a call that is not idempotent) sends no hedged attempt. */
  GroupCall(MemberPicker picker, MemberSend<T> send, String provider, Duration hedgeDelay,
      RetryBudgetTracker hedgeBudget) {
    this.picker = picker;
    this.send = send;
    this.provider = provider;
    this.hedgeDelay = hedgeDelay;
    this.hedgeBudget = hedgeBudget;
  }

  @Override
  public CompletableFuture<T> send(Attempt attempt) {
    GroupMember member = picker.pick(tried);
    if (hedgeDelay.isZero() || hedgeDelay.compareTo(attempt.timeLeft()) >= 0) {
      return sendTo(member, attempt);
    }
    return new Hedge(attempt).start(member);
  }

  /**
   * A blocking caller's attempt without hedging goes out with the member's own {@code sendBlocking}, so a gRPC
   * member still reads its answer on the caller's thread (see {@link io.inferlink.spi.support.CallPipeline}).
   */
  @Override
  public T sendBlocking(Attempt attempt) {
    if (!hedgeDelay.isZero() && hedgeDelay.compareTo(attempt.timeLeft()) < 0) {
      return PreparedCall.super.sendBlocking(attempt);
    }
    GroupMember member = picker.pick(tried);
    tried.add(member);
    member.started();
    T value;
    try {
      value = send.sendBlocking(member, attempt);
    } catch (RuntimeException e) {
      member.finished(Errors.wrap(e, provider)); // a cancellation (interrupt) is CANCELLED: not counted
      throw e;
    }
    member.finished(null);
    return value;
  }

  @Override
  public boolean nextAttemptGoesElsewhere() {
    return picker.pickUntried(tried) != null;
  }

  private CompletableFuture<T> sendTo(GroupMember member, Attempt attempt) {
    tried.add(member);
    member.started();
    CompletableFuture<T> sent;
    try {
      sent = send.send(member, attempt);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    // A future of our own, completed after the bookkeeping: a stage derived with whenComplete would skip its action
    // once cancelled itself, and a cancelled attempt must still leave the in-flight count.
    CompletableFuture<T> recorded = new CompletableFuture<>();
    sent.whenComplete((value, error) -> {
      if (error == null) {
        member.finished(null);
        recorded.complete(value);
        return;
      }
      if (Errors.unwrapFutureException(error) instanceof CancellationException) {
        member.cancelled(); // the caller gave up or the hedge was won elsewhere: nothing learnt of the server
      } else {
        member.finished(Errors.wrap(error, provider));
      }
      recorded.completeExceptionally(error);
    });
    return Futures.cancelling(recorded, sent);
  }

  /** One attempt that may become two: the attempts in flight, and the attempt's outcome. */
  private final class Hedge {
    private final Attempt attempt;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final List<CompletableFuture<T>> legs = new CopyOnWriteArrayList<>();
    private int pending; // guarded by this

    Hedge(Attempt attempt) {
      this.attempt = attempt;
      result.whenComplete((value, error) -> legs.forEach(leg -> leg.cancel(true)));
    }

    CompletableFuture<T> start(GroupMember first) {
      leg(first);
      CompletableFuture.delayedExecutor(hedgeDelay.toNanos(), TimeUnit.NANOSECONDS).execute(this::hedge);
      return result;
    }

    private void hedge() {
      synchronized (this) {
        if (result.isDone()) {
          return;
        }
        GroupMember other = picker.pickUntried(tried);
        if (other == null || !hedgeBudget.tryAcquireRetry()) {
          return; // nowhere else to go, or the budget says no: the first attempt carries on alone
        }
        leg(other);
      }
    }

    private synchronized void leg(GroupMember member) {
      pending++;
      CompletableFuture<T> leg = sendTo(member, attempt);
      legs.add(leg);
      leg.whenComplete((value, error) -> {
        if (error == null) {
          result.complete(value);
        } else {
          lost(error);
        }
      });
      if (result.isDone()) {
        leg.cancel(true);
      }
    }

    private synchronized void lost(Throwable error) {
      if (--pending == 0) {
        InferenceException failure = Errors.wrap(error, provider);
        result.completeExceptionally(failure);
      }
    }
  }
}
