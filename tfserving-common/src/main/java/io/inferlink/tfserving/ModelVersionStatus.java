package io.inferlink.tfserving;

import java.util.Objects;

/**
 * The state of one version of a model, as TensorFlow Serving's model status reports it. Immutable
 * and thread-safe.
 *
 * @param version the version number
 * @param state the loading state
 * @param errorCode the status code name ({@code OK} when healthy)
 * @param errorMessage the status message, empty when healthy
 */
public record ModelVersionStatus(long version, State state, String errorCode, String errorMessage) {
  /** The loading states of a servable version (TensorFlow Serving's numbers in parentheses). */
  public enum State {
    /** Not known (0). */
    UNKNOWN,
    /** Being set up (10). */
    START,
    /** Loading (20). */
    LOADING,
    /** Ready to serve (30). */
    AVAILABLE,
    /** Being unloaded (40). */
    UNLOADING,
    /** Unloaded (50). */
    END;

    /**
     * The state for TensorFlow Serving's enum name.
     *
     * @param name a name such as {@code AVAILABLE}
     * @return the state, or {@link #UNKNOWN} for anything else
     */
    public static State fromName(String name) {
      for (State s : values()) {
        if (s.name().equals(name)) {
          return s;
        }
      }
      return UNKNOWN;
    }

    /**
     * The state for TensorFlow Serving's enum number.
     *
     * @param number a number such as 30
     * @return the state, or {@link #UNKNOWN} for anything else
     */
    public static State fromNumber(int number) {
      switch (number) {
        case 10: return START;
        case 20: return LOADING;
        case 30: return AVAILABLE;
        case 40: return UNLOADING;
        case 50: return END;
        default: return UNKNOWN;
      }
    }
  }

  /**
   * Null texts become defaults.
   *
   * @param version the version number
   * @param state the loading state; required
   * @param errorCode the status code name, or {@code null} for {@code OK}
   * @param errorMessage the status message, or {@code null} for none
   */
  public ModelVersionStatus {
    Objects.requireNonNull(state, "state");
    errorCode = Objects.requireNonNullElse(errorCode, "OK");
    errorMessage = Objects.requireNonNullElse(errorMessage, "");
  }

  /**
   * Whether this version can serve.
   *
   * @return true when the state is {@link State#AVAILABLE}
   */
  public boolean isAvailable() {
    return state == State.AVAILABLE;
  }
}
