package io.inferlink.spring.boot;

/** Outlier ejection of a client, {@code inferlink.clients.<name>.outlier.*}. Mutable, as Spring binds it. */
public class OutlierProperties {
  /** Failures in a row that eject a host, 0 = off. */
  private Integer consecutiveFailures;
  /** Duration of a first ejection; it doubles with each new one. */
  private String ejectionTime;

  public Integer getConsecutiveFailures() { return consecutiveFailures; }
  public void setConsecutiveFailures(Integer consecutiveFailures) { this.consecutiveFailures = consecutiveFailures; }
  public String getEjectionTime() { return ejectionTime; }
  public void setEjectionTime(String ejectionTime) { this.ejectionTime = ejectionTime; }
}
