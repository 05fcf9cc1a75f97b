package io.ktrdr.observability.provisioning;

/** Generation refused: a dashboard failed the lint, or a generated file failed its check. Nothing was written. */
public final class GenerationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GenerationException(String message) {
    super(message);
  }

  public GenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
