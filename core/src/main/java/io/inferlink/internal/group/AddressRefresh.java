package io.inferlink.internal.group;

import io.inferlink.spi.Endpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Resolves again, every interval, the name whose addresses are the members of one tier (a REST name with several
 * replicas), and makes the tier follow: a member for each new address, none for an address that went away (its
 * client closed a while later, once calls in flight had their time). A failed or empty lookup keeps the members
 * as they are. Runs on the JDK's delay scheduler, no thread of its own; stopped by {@link #close()}. Thread-safe.
 */
final class AddressRefresh implements AutoCloseable {
  private final Endpoint name;
  private final MemberPicker picker;
  private final int tier;
  private final Function<Endpoint, GroupMember> newMember;
  private final ClientGroups.Resolver resolver;
  private final Duration interval;
  private final Duration closeRemovedAfter;
  private boolean closed; // guarded by this

  AddressRefresh(Endpoint name, MemberPicker picker, int tier, Function<Endpoint, GroupMember> newMember,
      ClientGroups.Resolver resolver, Duration interval, Duration closeRemovedAfter) {
    this.name = name;
    this.picker = picker;
    this.tier = tier;
    this.newMember = newMember;
    this.resolver = resolver;
    this.interval = interval;
    this.closeRemovedAfter = closeRemovedAfter;
  }

  AddressRefresh start() {
    next();
    return this;
  }

  private void next() {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    CompletableFuture.delayedExecutor(interval.toNanos(), TimeUnit.NANOSECONDS).execute(this::refresh);
  }

  private void refresh() {
    try {
      follow(resolver.resolve(name.host()));
    } catch (UnknownHostException | RuntimeException e) {
      // DNS hiccup: keep serving with the addresses known
    } finally {
      next();
    }
  }

  /** Makes the tier's members those of {@code addresses}, keeping the members of addresses still there. */
  synchronized void follow(InetAddress[] addresses) {
    if (closed || addresses.length == 0) {
      return;
    }
    Map<InetAddress, GroupMember> current = new HashMap<>();
    picker.tier(tier).forEach(m -> current.put(m.address(), m));
    Set<InetAddress> found = new LinkedHashSet<>(List.of(addresses));
    if (found.equals(current.keySet())) {
      return;
    }
    List<GroupMember> next = new ArrayList<>();
    for (InetAddress a : found) {
      GroupMember m = current.remove(a);
      if (m == null) {
        try {
          m = newMember.apply(name.withAddress(a));
        } catch (RuntimeException e) {
          continue; // this address waits for the next round
        }
      }
      next.add(m);
    }
    if (next.isEmpty()) {
      return;
    }
    picker.replaceTier(tier, next);
    for (GroupMember gone : current.values()) {
      CompletableFuture.delayedExecutor(closeRemovedAfter.toNanos(), TimeUnit.NANOSECONDS)
          .execute(() -> gone.client().close());
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
