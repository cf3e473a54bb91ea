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

  public Integer getMaxAttempts() { return maxAttempts; }
  public void setMaxAttempts(Integer maxAttempts) { this.maxAttempts = maxAttempts; }
  public String getInitialBackoff() { return initialBackoff; }
  public void setInitialBackoff(String initialBackoff) { this.initialBackoff = initialBackoff; }
  public String getMaxBackoff() { return maxBackoff; }
  public void setMaxBackoff(String maxBackoff) { this.maxBackoff = maxBackoff; }
  public String getBudgetRatio() { return budgetRatio; }
  public void setBudgetRatio(String budgetRatio) { this.budgetRatio = budgetRatio; }
  public Integer getBudgetMinPerSecond() { return budgetMinPerSecond; }
  public void setBudgetMinPerSecond(Integer budgetMinPerSecond) { this.budgetMinPerSecond = budgetMinPerSecond; }
}
