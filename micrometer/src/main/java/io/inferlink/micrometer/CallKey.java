package io.inferlink.micrometer;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

/**
 * The tags that name what a call was about, before its outcome is known: the key of the meter caches.
 *
 * @param operation the operation's name ({@code infer}, {@code model.metadata}, an extension's...)
 * @param model the model tag ({@code none} for server-level calls, {@code other} past the cap)
 * @param version the version tag, or {@code null} when the version tag is off
 * @param provider the provider's name
 */
record CallKey(String operation, String model, String version, String provider) {

  /** The tags of this key, after {@code common}. */
  Tags tags(Tags common) {
    Tags tags = common.and(Tag.of(MicrometerInterceptor.TAG_OPERATION, operation),
        Tag.of(MicrometerInterceptor.TAG_MODEL, model), Tag.of(MicrometerInterceptor.TAG_PROVIDER, provider));
    return version == null ? tags : tags.and(MicrometerInterceptor.TAG_MODEL_VERSION, version);
  }
}
