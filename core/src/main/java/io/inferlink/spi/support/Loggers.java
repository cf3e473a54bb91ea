package io.inferlink.spi.support;

/**
 * The names Inferlink logs under, one per component, all through {@link System.Logger} so that core
 * depends on no logging library: the application's {@link System.LoggerFinder} (java.util.logging by
 * default, SLF4J or Log4j through their bridges) decides where lines go. A component that starts to
 * log adds its name here, as {@code io.inferlink.<component>}, rather than using its class names, so
 * that users switch one component on or off with one name. Constants only; thread-safe.
 */
public final class Loggers {
  /**
   * Calls: one line when a call enters the {@link CallPipeline} and one when it ends, at
   * {@link System.Logger.Level#DEBUG} (java.util.logging's {@code FINE}).
   */
  public static final String CLIENT = "io.inferlink.client";

  /** Provider discovery: a provider on the class path that failed to load, at {@code WARNING}. */
  public static final String PROVIDERS = "io.inferlink.providers";

  private Loggers() {}
}
