package io.ktrdr.observability.dashboards.lint;

import java.util.List;

/** Thrown when dashboards break lint rules; the message lists every finding, one per line. */
public final class LintException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Finding> findings;

  LintException(List<Finding> findings) {
    super(message(findings));
    this.findings = List.copyOf(findings);
  }

  /** Every finding, in the order the linter reported them. */
  public List<Finding> findings() {
    return findings;
  }

  static String message(List<Finding> findings) {
    StringBuilder text =
        new StringBuilder()
            .append(findings.size())
            .append(findings.size() == 1 ? " dashboard lint finding:" : " dashboard lint findings:");
    for (Finding finding : findings) {
      text.append("\n  ").append(finding);
    }
    return text.toString();
  }
}
