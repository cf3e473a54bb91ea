package io.inferlink.testkit;

import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a real server under the compatibility kit cannot do of the {@link KitModels} contracts,
 * declared by the kit's subclass ({@link InferenceClientCompatibilityKit#serverGaps()}). A gap never
 * turns a check off: it changes what the check expects from "answers correctly" to "fails cleanly"
 * (a typed {@link io.inferlink.InferenceException} carrying the server's message, not a hang, a
 * connection error or a wrong answer taken for a right one). The emulator has no gaps; KServe,
 * Triton and MLServer each have a few, listed with the server's actual answers in
 * {@code realservers/README.md}. Immutable and thread-safe.
 */
public final class ServerGaps {
  private static final ServerGaps NONE = builder().build();

  private final Set<DataType> dataTypes;
  private final boolean singleVersion;
  private final boolean noScalars;
  private final boolean noZeroSize;
  private final boolean noNonFiniteFloats;
  private final boolean unknownModelReadyFails;
  private final UnaryOperator<ErrorCode> failureCodes;

  private ServerGaps(Builder b) {
    this.dataTypes = EnumSet.copyOf(b.dataTypes);
    this.singleVersion = b.singleVersion;
    this.noScalars = b.noScalars;
    this.noZeroSize = b.noZeroSize;
    this.noNonFiniteFloats = b.noNonFiniteFloats;
    this.unknownModelReadyFails = b.unknownModelReadyFails;
    this.failureCodes = b.failureCodes;
  }

  /**
   * A server that meets every contract (the emulator).
   *
   * @return the shared instance with no gaps
   */
  public static ServerGaps none() {
    return NONE;
  }

  /**
   * A builder starting from {@link #none()}.
   *
   * @return a new builder with no gaps declared yet
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether the server carries this element type; a request with another type must fail cleanly.
   *
   * @param dtype the element type to ask about
   * @return true unless the type was removed with {@link Builder#without}
   */
  public boolean carries(DataType dtype) {
    return dataTypes.contains(dtype);
  }

  /**
   * Whether the server hosts only the latest version ("2") of {@link KitModels#VERSIONED}: an
   * explicit version may then fail cleanly, or be ignored by the server and answered by "2".
   *
   * @return true when the server hosts only the latest version
   */
  public boolean singleVersion() {
    return singleVersion;
  }

  /**
   * Whether the server refuses rank-0 tensors (it must then fail cleanly).
   *
   * @return true when scalars are a gap
   */
  public boolean noScalars() {
    return noScalars;
  }

  /**
   * Whether the server fails on tensors with no elements (it must then fail cleanly).
   *
   * @return true when zero-size tensors are a gap
   */
  public boolean noZeroSize() {
    return noZeroSize;
  }

  /**
   * Whether the server cannot carry NaN or infinities (a JSON-only protocol whose parser refuses
   * them): floating-point types then round-trip their finite values, and the full samples fail
   * cleanly, refused by the client before sending or by the server.
   *
   * @return true when NaN and infinities are a gap
   */
  public boolean noNonFiniteFloats() {
    return noNonFiniteFloats;
  }

  /**
   * Whether asking the readiness of an unknown model fails (cleanly) instead of answering false.
   *
   * @return true when that readiness question fails
   */
  public boolean unknownModelReadyFails() {
    return unknownModelReadyFails;
  }

  /**
   * The code a client sees when {@link KitModels#FAIL} fails with {@code scripted}.
   *
   * @param scripted the code the model was told to fail with
   * @return the code the client must see; {@code scripted} itself unless {@link Builder#failureCodes} maps it
   */
  public ErrorCode failureCode(ErrorCode scripted) {
    return failureCodes.apply(scripted);
  }

  /** Builds {@link ServerGaps}; not thread-safe. */
  public static final class Builder {
    private Set<DataType> dataTypes = EnumSet.allOf(DataType.class);
    private boolean singleVersion;
    private boolean noScalars;
    private boolean noZeroSize;
    private boolean noNonFiniteFloats;
    private boolean unknownModelReadyFails;
    private UnaryOperator<ErrorCode> failureCodes = UnaryOperator.identity();

    private Builder() {}

    /**
     * The server does not carry these element types.
     *
     * @param first an element type the server does not carry
     * @param more further such types, if any
     * @return this builder
     */
    public Builder without(DataType first, DataType... more) {
      dataTypes.remove(first);
      for (DataType t : more) {
        dataTypes.remove(t);
      }
      return this;
    }

    /**
     * Declares the gap described at {@link ServerGaps#singleVersion()}.
     *
     * @return this builder
     */
    public Builder singleVersion() {
      singleVersion = true;
      return this;
    }

    /**
     * Declares the gap described at {@link ServerGaps#noScalars()}.
     *
     * @return this builder
     */
    public Builder noScalars() {
      noScalars = true;
      return this;
    }

    /**
     * Declares the gap described at {@link ServerGaps#noZeroSize()}.
     *
     * @return this builder
     */
    public Builder noZeroSize() {
      noZeroSize = true;
      return this;
    }

    /**
     * Declares the gap described at {@link ServerGaps#noNonFiniteFloats()}.
     *
     * @return this builder
     */
    public Builder noNonFiniteFloats() {
      noNonFiniteFloats = true;
      return this;
    }

    /**
     * Declares the gap described at {@link ServerGaps#unknownModelReadyFails()}.
     *
     * @return this builder
     */
    public Builder unknownModelReadyFails() {
      unknownModelReadyFails = true;
      return this;
    }

    /**
     * How the server turns a scripted failure code into the code its clients see.
     *
     * @param mapping from the scripted code to the code clients see; not null, called from test threads
     * @return this builder
     */
    public Builder failureCodes(UnaryOperator<ErrorCode> mapping) {
      failureCodes = Objects.requireNonNull(mapping, "mapping");
      return this;
    }

    /**
     * The gaps declared so far.
     *
     * @return a new immutable {@link ServerGaps}; the builder can go on being used
     */
    public ServerGaps build() {
      return new ServerGaps(this);
    }
  }
}
