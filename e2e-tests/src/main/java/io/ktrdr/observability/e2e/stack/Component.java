package io.ktrdr.observability.e2e.stack;

import java.util.Locale;

/** A server of the observability stack, named as {@code native-stack/install.sh} names it. */
public enum Component {
  PROMETHEUS,
  JAEGER,
  GRAFANA;

  /** The name the install script and the cache directories use, e.g. {@code prometheus}. */
  public String installName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
