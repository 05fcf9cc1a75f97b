package io.ktrdr.observability.dashboards.model;

import static java.util.Objects.requireNonNull;

/**
 * Builds a {@code text} panel, {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} unless sized, in
 * markdown unless told otherwise. Text panels have no queries and need no datasource.
 */
public final class TextPanelBuilder extends PanelBuilder<TextPanelBuilder> {

  public static final int DEFAULT_WIDTH = 24;
  public static final int DEFAULT_HEIGHT = 3;

  /** How the content is rendered. */
  public enum Mode {
    MARKDOWN,
    HTML,
    CODE
  }

  TextPanelBuilder(String title) {
    super("text", title, DEFAULT_WIDTH, DEFAULT_HEIGHT, false);
    mode(Mode.MARKDOWN);
  }

  public TextPanelBuilder content(String content) {
    return option("content", requireNonNull(content, "content"));
  }

  public TextPanelBuilder mode(Mode mode) {
    return option("mode", json(mode));
  }
}
