package io.ktrdr.observability.provisioning.environment;

import static java.util.Objects.requireNonNull;

/**
 * Where a secret such as Grafana's admin password comes from. Written in YAML as exactly one of
 * {@code {value: ...}}, {@code {env: NAME}} or {@code {file: /run/secrets/...}}.
 */
public sealed interface SecretSource {

  /** The secret written in the environment file itself: for local development only. */
  record Literal(String value) implements SecretSource {
    public Literal {
      requireNonNull(value, "value");
      Checks.require("value", Checks.notBlank(value));
    }

    @Override
    public String toString() {
      return "Literal[value=<hidden>]";
    }
  }

  /** The secret read from an environment variable where the service starts. */
  record EnvironmentVariable(String name) implements SecretSource {
    public EnvironmentVariable {
      requireNonNull(name, "name");
      Checks.require("env", Checks.environmentVariable(name));
    }
  }

  /** The secret read from a file, e.g. a Docker secret under {@code /run/secrets}. */
  record SecretFile(String path) implements SecretSource {
    public SecretFile {
      requireNonNull(path, "path");
      Checks.require("file", Checks.notBlank(path));
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("file: expected an absolute path, got " + Checks.quote(path));
      }
    }
  }

  static SecretSource literal(String value) {
    return new Literal(value);
  }

  static SecretSource environmentVariable(String name) {
    return new EnvironmentVariable(name);
  }

  static SecretSource file(String path) {
    return new SecretFile(path);
  }
}
