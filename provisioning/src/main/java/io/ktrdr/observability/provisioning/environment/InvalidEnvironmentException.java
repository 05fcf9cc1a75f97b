package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An environment file that cannot be used. Carries every problem found, each naming file, line
 * and field, e.g. {@code environments/dev.yaml:12: services[2].port: expected an integer from 1 to
 * 65535, got "50x3"}; the message lists them one per line.
 */
public final class InvalidEnvironmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidEnvironmentException(List<String> problems) {
    super(String.join("\n", requireNonNull(problems, "problems")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems: expected at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** The problems, ordered by line. */
  public List<String> problems() {
    return problems;
  }
}
