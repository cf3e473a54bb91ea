package io.inferlink.spring.boot;

/** Retries of a client, {@code inferlink.clients.<name>.retry.*}. Mutable, as Spring binds it. */
public class RetryProperties {
  /** Attempts per call, the first included; 1 (the default) means no retries. */
  private Integer maxAttempts;
  /** Wait before the first retry (100ms, 1s). */
  private String initialBackoff;
  /** Longest wait between two attempts. */
  private String maxBackoff;
  /** Share of calls that may be retried: 0.1 or 10%. */
  private String budgetRatio;
  /** Retries per second allowed whatever the traffic. */
  private Integer budgetMinPerSecond;

  /** Core's retry defaults, until Spring binds values. */
  public RetryProperties() {}

  /** {@return attempts per call, the first included; 1 (the default) means no retries} */
  public Integer getMaxAttempts() { return maxAttempts; }
  /**
   * Sets attempts per call, the first included; 1 (the default) means no retries.
   *
   * @param maxAttempts the value, as bound from the configuration
   */
  public void setMaxAttempts(Integer maxAttempts) { this.maxAttempts = maxAttempts; }
  /** {@return wait before the first retry (100ms, 1s)} */
  public String getInitialBackoff() { return initialBackoff; }
  /**
   * Sets wait before the first retry (100ms, 1s).
   *
   * @param initialBackoff the value, as bound from the configuration
   */
  public void setInitialBackoff(String initialBackoff) { this.initialBackoff = initialBackoff; }
  /** {@return longest wait between two attempts} */
  public String getMaxBackoff() { return maxBackoff; }
  /**
   * Sets longest wait between two attempts.
   *
   * @param maxBackoff the value, as bound from the configuration
   */
  public void setMaxBackoff(String maxBackoff) { this.maxBackoff = maxBackoff; }
  /** {@return share of calls that may be retried: 0.1 or 10%} */
  public String getBudgetRatio() { return budgetRatio; }
  /**
   * Sets share of calls that may be retried: 0.1 or 10%.
   *
   * @param budgetRatio the value, as bound from the configuration
   */
  public void setBudgetRatio(String budgetRatio) { this.budgetRatio = budgetRatio; }
  /** {@return retries per second allowed whatever the traffic} */
  public Integer getBudgetMinPerSecond() { return budgetMinPerSecond; }
  /**
   * Sets retries per second allowed whatever the traffic.
   *
   * @param budgetMinPerSecond the value, as bound from the configuration
   */
  public void setBudgetMinPerSecond(Integer budgetMinPerSecond) { this.budgetMinPerSecond = budgetMinPerSecond; }
}
