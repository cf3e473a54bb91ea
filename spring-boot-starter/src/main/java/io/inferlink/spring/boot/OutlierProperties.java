package io.inferlink.spring.boot;

/** Outlier ejection of a client, {@code inferlink.clients.<name>.outlier.*}. Mutable, as Spring binds it. */
public class OutlierProperties {
  /** Failures in a row that eject a host, 0 = off. */
  private Integer consecutiveFailures;
  /** Duration of a first ejection; it doubles with each new one. */
  private String ejectionTime;

  /** Core's outlier ejection defaults, until Spring binds values. */
  public OutlierProperties() {}

  /** {@return failures in a row that eject a host, 0 = off} */
  public Integer getConsecutiveFailures() { return consecutiveFailures; }
  /**
   * Sets failures in a row that eject a host, 0 = off.
   *
   * @param consecutiveFailures the value, as bound from the configuration
   */
  public void setConsecutiveFailures(Integer consecutiveFailures) { this.consecutiveFailures = consecutiveFailures; }
  /** {@return duration of a first ejection; it doubles with each new one} */
  public String getEjectionTime() { return ejectionTime; }
  /**
   * Sets duration of a first ejection; it doubles with each new one.
   *
   * @param ejectionTime the value, as bound from the configuration
   */
  public void setEjectionTime(String ejectionTime) { this.ejectionTime = ejectionTime; }
}
