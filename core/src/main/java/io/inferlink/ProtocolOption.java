package io.inferlink;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed key for a protocol-specific setting (e.g. TF Serving's request format), declared by the
 * backend that reads it. The same setting can come typed from code, or as text from an endpoint's
 * query string, properties or the environment; {@link #parse} turns text into the value. Immutable
 * and thread-safe.
 *
 * <p>Names are lower-case words joined by {@code -}, like {@code request-format}.
 *
 * @param <T> the value type
 */
public final class ProtocolOption<T> {
  private final String name;
  private final Class<T> type;
  private final T defaultValue;
  private final Function<String, T> parser;

  private ProtocolOption(String name, Class<T> type, T defaultValue, Function<String, T> parser) {
    if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException(
          "option name '" + name + "' must be lower-case words joined by '-'");
    }
    this.name = name;
    this.type = Objects.requireNonNull(type, "type");
    this.defaultValue = defaultValue;
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /**
   * An option whose text form is parsed by {@code parser}.
   *
   * @param <T> the value type
   * @param name the option's name; lower-case words joined by {@code -}
   * @param type the value type
   * @param defaultValue the value used when nothing sets the option; may be {@code null}
   * @param parser turns text into a value; throws IllegalArgumentException when the text does not fit
   * @return the option
   * @throws IllegalArgumentException when {@code name} is not lower-case words joined by {@code -}
   */
  public static <T> ProtocolOption<T> of(String name, Class<T> type, T defaultValue, Function<String, T> parser) {
    return new ProtocolOption<>(name, type, defaultValue, parser);
  }

  /**
   * A text option.
   *
   * @param name the option's name; lower-case words joined by {@code -}
   * @param defaultValue the value used when nothing sets the option; may be {@code null}
   * @return the option
   */
  public static ProtocolOption<String> ofString(String name, String defaultValue) {
    return new ProtocolOption<>(name, String.class, defaultValue, s -> s);
  }

  /**
   * A yes/no option; accepts true/false, yes/no, on/off, 1/0.
   *
   * @param name the option's name; lower-case words joined by {@code -}
   * @param defaultValue the value used when nothing sets the option
   * @return the option
   */
  public static ProtocolOption<Boolean> ofBoolean(String name, boolean defaultValue) {
    return new ProtocolOption<>(name, Boolean.class, defaultValue, s -> parseBoolean(name, s));
  }

  /**
   * An integer option.
   *
   * @param name the option's name; lower-case words joined by {@code -}
   * @param defaultValue the value used when nothing sets the option
   * @return the option
   */
  public static ProtocolOption<Long> ofLong(String name, long defaultValue) {
    return new ProtocolOption<>(name, Long.class, defaultValue, s -> {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("option '" + name + "': '" + s + "' is not an integer");
      }
    });
  }

  /**
   * An option whose values are the constants of an enum, written in any case, '-' or '_' alike.
   *
   * @param <E> the enum type
   * @param name the option's name; lower-case words joined by {@code -}
   * @param type the enum's class
   * @param defaultValue the value used when nothing sets the option; may be {@code null}
   * @return the option
   */
  public static <E extends Enum<E>> ProtocolOption<E> ofEnum(String name, Class<E> type, E defaultValue) {
    return new ProtocolOption<>(name, type, defaultValue, s -> {
      String wanted = s.trim().replace('-', '_').toUpperCase(Locale.ROOT);
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(wanted)) {
          return e;
        }
      }
      throw new IllegalArgumentException("option '" + name + "': '" + s + "' is not one of "
          + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    });
  }

  /**
   * The option's name, as used in query strings and properties.
   *
   * @return the name; never null
   */
  public String name() {
    return name;
  }

  /**
   * The value type.
   *
   * @return the class of the values
   */
  public Class<T> type() {
    return type;
  }

  /**
   * The value used when nothing sets the option.
   *
   * @return the default, possibly {@code null}
   */
  public T defaultValue() {
    return defaultValue;
  }

  /**
   * Turns the text form into a value; IllegalArgumentException naming the option when it does not fit.
   *
   * @param text the option's text form, e.g. from a query string
   * @return the parsed value
   */
  public T parse(String text) {
    return parser.apply(text);
  }

  @Override
  public String toString() {
    return name;
  }

  private static boolean parseBoolean(String name, String s) {
    switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true": case "yes": case "on": case "1":
        return true;
      case "false": case "no": case "off": case "0":
        return false;
      default:
        throw new IllegalArgumentException("option '" + name + "': '" + s + "' is not true or false");
    }
  }
}
