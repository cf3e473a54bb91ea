package io.inferlink.fuzz;

import net.jqwik.api.SampleReportingFormat;

/**
 * Reports a failing sample of bytes the way {@link DecoderEscapes} describes inputs (size and the
 * head as escaped text) instead of jqwik's list of every byte, which for a 100,000-byte document
 * would flood the build log. Registered through {@code META-INF/services}; stateless.
 */
public final class ByteSampleFormat implements SampleReportingFormat {
  @Override
  public boolean appliesTo(Object value) {
    return value instanceof byte[];
  }

  @Override
  public Object report(Object value) {
    return SampleReportingFormat.plainLabel(DecoderEscapes.describe(value));
  }

  @Override
  public int priority() {
    return 10;
  }
}
