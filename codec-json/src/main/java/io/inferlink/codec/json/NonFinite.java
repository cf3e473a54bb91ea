package io.inferlink.codec.json;

/** How {@link TensorJsonWriter} writes NaN and the infinities, which strict JSON has no number for. Immutable. */
public enum NonFinite {
  /** The bare tokens {@code NaN}, {@code Infinity}, {@code -Infinity}: TF Serving's and Python's {@code json} dialect. */
  BARE,
  /** The strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}: strict JSON a person can read back. */
  STRINGS,
  /** Not written: the writer throws {@link io.inferlink.UnsupportedFeatureException}, and {@link TensorJsonWriter#whyNot} says so beforehand. */
  REFUSE;

  /** The text of a non-finite value under this policy, or null for {@link #REFUSE}. */
  String text(double v) {
    String word = Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    switch (this) {
      case BARE: return word;
      case STRINGS: return '"' + word + '"';
      default: return null;
    }
  }
}
