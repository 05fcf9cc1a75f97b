package io.ktrdr.observability.e2e.panels;

/** A query the server refused or never answered. */
public final class QueryFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QueryFailedException(String message) {
    super(message);
  }

  public QueryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
