package io.ktrdr.observability.dashboards.ktrdr.rules;

/** How urgently an alert needs a person; the value of the alert's {@code severity} label. */
public enum Severity {
  /** KTRDR cannot work: someone should look now. */
  CRITICAL("critical"),
  /** KTRDR works worse than it should: look within the working day. */
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The {@code severity} label value. */
  public String label() {
    return label;
  }
}
