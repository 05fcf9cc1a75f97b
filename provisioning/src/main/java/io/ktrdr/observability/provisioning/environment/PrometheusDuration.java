package io.ktrdr.observability.provisioning.environment;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration in Prometheus' notation ({@code 15s}, {@code 1m}, {@code 7d}, {@code 1h30m}), kept as
 * written so generated files show what the environment says.
 */
public final class PrometheusDuration {
  private static final Pattern SYNTAX = Pattern.compile(
      "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final long[] UNIT_MILLIS = {
    365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L
  };

  private final String text;
  private final Duration duration;

  private PrometheusDuration(String text, Duration duration) {
    this.text = text;
    this.duration = duration;
  }

  /**
   * Parses a positive duration.
   *
   * @throws IllegalArgumentException naming the text when it is not a positive Prometheus duration
   */
  public static PrometheusDuration parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher matcher = SYNTAX.matcher(text);
    if (text.isEmpty() || !matcher.matches()) {
      throw new IllegalArgumentException(problem(text));
    }
    long millis = 0;
    try {
      for (int group = 1; group <= UNIT_MILLIS.length; group++) {
        String amount = matcher.group(group);
        if (amount != null) {
          millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(amount), UNIT_MILLIS[group - 1]));
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(problem(text));
    }
    if (millis == 0) {
      throw new IllegalArgumentException(problem(text));
    }
    return new PrometheusDuration(text, Duration.ofMillis(millis));
  }

  static String problem(String text) {
    return "expected a positive Prometheus duration such as 15s, 1m or 7d, got " + Checks.quote(text);
  }

  public Duration toDuration() {
    return duration;
  }

  /** The duration as written, e.g. {@code 15s}. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PrometheusDuration && ((PrometheusDuration) other).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
