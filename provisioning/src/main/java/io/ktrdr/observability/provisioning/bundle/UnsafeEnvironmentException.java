package io.ktrdr.observability.provisioning.bundle;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An environment whose settings a shared deployment must not use; the message lists every problem. */
public final class UnsafeEnvironmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  UnsafeEnvironmentException(List<String> problems) {
    super(String.join("\n", requireNonNull(problems, "problems")));
    this.problems = List.copyOf(problems);
  }

  /** Each problem with file, line and field. */
  public List<String> problems() {
    return problems;
  }
}
