package io.ktrdr.observability.e2e.panels;

import static java.util.Objects.requireNonNull;


/**
 * A Jaeger target of a panel: a trace search ({@code queryType} {@code search}) or one trace by id
 * (empty {@code queryType}).
 *
 * <p>{@code service}, {@code operation}, {@code tags}, {@code limit} and {@code traceId} are null where the target leaves them out.
 *
 * @param tags logfmt, e.g. {@code error=true http.status_code=500}
 */
public record JaegerPanelQuery(
    PanelRef panel,
    String datasourceUid,
    String queryType,
    String service,
    String operation,
    String tags,
    Integer limit,
    String traceId,
    QueryWindow window) implements PanelQuery {
  public JaegerPanelQuery {
    requireNonNull(panel, "panel");
    requireNonNull(datasourceUid, "datasourceUid");
    requireNonNull(queryType, "queryType");
    requireNonNull(window, "window");
  }

  public boolean isSearch() {
    return "search".equals(queryType);
  }
}
