package io.inferlink.kserve;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a model repository's index, as {@link ModelRepository#index()} returns it: a model (or
 * one version of it), its state and why it is in that state. Texts are the server's own words, empty
 * when it says nothing: KServe's list names models without version or state, Triton reports one entry
 * per version with a state such as {@code READY} or {@code UNAVAILABLE}. Immutable and thread-safe.
 *
 * @param name the model name
 * @param version the version, or empty
 * @param state the state as the server spells it, or empty when it does not say
 * @param reason why the model is in that state, or empty
 */
public record ModelIndexEntry(String name, String version, String state, String reason) {
  /**
   * Null texts become empty; the name is required.
   *
   * @param name the model name
   * @param version the version, or {@code null} for none
   * @param state the state as the server spells it, or {@code null} when it does not say
   * @param reason why the model is in that state, or {@code null}
   */
  public ModelIndexEntry {
    Objects.requireNonNull(name, "name");
    version = Objects.requireNonNullElse(version, "");
    state = Objects.requireNonNullElse(state, "");
    reason = Objects.requireNonNullElse(reason, "");
  }

  /**
   * True when the server says the model is ready, however it spells it: Triton writes {@code READY},
   * KServe's index code {@code Ready}, MLServer 1.7 over gRPC Python's enum text {@code State.READY}
   * (over REST it writes {@code READY}). False for every other state ({@code NotReady},
   * {@code UNAVAILABLE}...) and when the server gave none.
   *
   * @return whether the state, without any enum prefix, is READY in any case
   */
  public boolean isReady() {
    String word = state.substring(state.lastIndexOf('.') + 1);
    return word.toUpperCase(Locale.ROOT).equals("READY");
  }
}
