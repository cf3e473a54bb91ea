package io.inferlink.internal.group;

import io.inferlink.routing.Balancing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the member for an attempt: the first tier that has an available member, balanced inside the tier,
 * avoiding the members this call already tried while others remain. With none available anywhere (all ejected or
 * not ready) it still picks one, the one back soonest, rather than refuse the call (Envoy's "panic mode"): a
 * group whose every endpoint looks down should still find out when one is up again. Thread-safe.
 */
final class MemberPicker {
  // Replaced whole when a tier's members change (AddressRefresh): a pick sees one consistent version.
  private volatile List<List<GroupMember>> tiers;
  private volatile List<GroupMember> all;
  private final Balancing balancing;
  private final AtomicInteger[] turns;

  MemberPicker(List<List<GroupMember>> tiers, Balancing balancing) {
    setTiers(tiers);
    this.balancing = balancing;
    this.turns = new AtomicInteger[this.tiers.size()];
    for (int i = 0; i < turns.length; i++) {
      turns[i] = new AtomicInteger();
    }
  }

  private void setTiers(List<List<GroupMember>> newTiers) {
    List<List<GroupMember>> copy = new ArrayList<>();
    List<GroupMember> flat = new ArrayList<>();
    for (List<GroupMember> tier : newTiers) {
      copy.add(List.copyOf(tier));
      flat.addAll(tier);
    }
    this.all = List.copyOf(flat);
    this.tiers = List.copyOf(copy);
  }

  List<GroupMember> members() {
    return all;
  }

  List<GroupMember> tier(int tier) {
    return tiers.get(tier);
  }

  /** Replaces the members of one tier (the addresses of a name changed). */
  synchronized void replaceTier(int tier, List<GroupMember> members) {
    List<List<GroupMember>> next = new ArrayList<>(tiers);
    next.set(tier, members);
    setTiers(next);
  }

  /** The member for the next attempt of a call that already tried {@code tried}. */
  GroupMember pick(Set<GroupMember> tried) {
    GroupMember m = pickAvailable(tried, true);
    if (m == null) {
      m = pickAvailable(tried, false);
    }
    return m != null ? m : backSoonest(tried);
  }

  /** An available member this call has not tried, or null: where a retry or a hedged attempt goes at once. */
  GroupMember pickUntried(Set<GroupMember> tried) {
    return pickAvailable(tried, true);
  }

  private GroupMember pickAvailable(Set<GroupMember> tried, boolean untriedOnly) {
    List<List<GroupMember>> now = tiers;
    for (int t = 0; t < now.size(); t++) {
      List<GroupMember> candidates = new ArrayList<>(now.get(t).size());
      for (GroupMember m : now.get(t)) {
        if (m.available() && !(untriedOnly && tried.contains(m))) {
          candidates.add(m);
        }
      }
      if (!candidates.isEmpty()) {
        return balance(t, candidates);
      }
    }
    return null;
  }

  private GroupMember balance(int tier, List<GroupMember> candidates) {
    int n = candidates.size();
    if (n == 1) {
      return candidates.get(0);
    }
    if (balancing == Balancing.LEAST_IN_FLIGHT) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      int a = random.nextInt(n);
      int b = random.nextInt(n - 1);
      GroupMember first = candidates.get(a);
      GroupMember second = candidates.get(b >= a ? b + 1 : b);
      return second.inFlight() < first.inFlight() ? second : first;
    }
    return candidates.get(Math.floorMod(turns[tier].getAndIncrement(), n));
  }

  private GroupMember backSoonest(Set<GroupMember> tried) {
    GroupMember best = null;
    for (GroupMember m : all) {
      if (best == null || better(m, best, tried)) {
        best = m;
      }
    }
    return best;
  }

  private static boolean better(GroupMember m, GroupMember best, Set<GroupMember> tried) {
    boolean mTried = tried.contains(m);
    if (mTried != tried.contains(best)) {
      return !mTried;
    }
    return m.nanosUntilBack() < best.nanosUntilBack();
  }
}
