package io.inferlink.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h} or ISO-8601 {@code PT30S} for options; stateless. */
final class Durations implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("pt")) {
        return positive(value, Duration.parse(value.trim().toUpperCase(Locale.ROOT)));
      }
      if (v.endsWith("ms")) {
        return positive(value, Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))));
      }
      long n = Long.parseLong(v.substring(0, v.length() - 1));
      switch (v.charAt(v.length() - 1)) {
        case 's':
          return positive(value, Duration.ofSeconds(n));
        case 'm':
          return positive(value, Duration.ofMinutes(n));
        case 'h':
          return positive(value, Duration.ofHours(n));
        default:
          break;
      }
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      // reported below
    }
    throw new TypeConversionException("'" + value + "' is not a duration; use e.g. 500ms, 30s, 2m or 1h");
  }

  private static Duration positive(String value, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new TypeConversionException("duration '" + value + "' must be positive");
    }
    return d;
  }
}
