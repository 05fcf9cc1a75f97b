package io.ktrdr.observability.dashboards.model;

/**
 * Builds a {@code traces} panel (one trace, span by span), {@value #DEFAULT_WIDTH} x {@value
 * #DEFAULT_HEIGHT} unless sized. Feed it a {@link JaegerTarget#traceId(String)} query.
 */
public final class TracesPanelBuilder extends PanelBuilder<TracesPanelBuilder> {

  public static final int DEFAULT_WIDTH = 24;
  public static final int DEFAULT_HEIGHT = 12;

  TracesPanelBuilder(String title) {
    super("traces", title, DEFAULT_WIDTH, DEFAULT_HEIGHT, true);
  }

}
