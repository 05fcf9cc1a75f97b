package io.ktrdr.observability.dashboards.ktrdr;

import io.ktrdr.observability.dashboards.model.DataLink;
import io.ktrdr.observability.dashboards.model.FieldOverride;
import io.ktrdr.observability.dashboards.model.JaegerTarget;
import io.ktrdr.observability.dashboards.model.Panel;
import io.ktrdr.observability.dashboards.model.Transformation;
import io.ktrdr.observability.dashboards.model.ValueMapping;
import java.util.List;
import java.util.Map;

/**
 * The recent operations table: one row per operation trace from Jaeger, with its start, duration,
 * whether it failed, and a link to the trace.
 *
 * <p>Grafana's Jaeger search returns one frame per query with the fields {@code traceID}, {@code
 * traceName} ("service: root span name"), {@code startTime} and {@code duration} (of the root
 * span), shown as "Trace ID", "Trace name", "Start time" and "Duration"; no span
 * attributes. Query A finds the operation traces: every operation passes through the backend's
 * {@code operations.create} span, under the one trace service name that survives restarts
 * ({@code ktrdr-api}; worker service names carry a fresh id at each start). Query B finds backend
 * traces with a span whose {@code operation.status} is {@code failed}. The transformations join B
 * onto A by trace id, so the Failed column holds B's trace name where the backend recorded the
 * failure and nothing where it did not.
 *
 * <p>Not {@code error=true}: Jaeger v2 derives that tag from the span status when it answers and
 * cannot search by it. A failure recorded only on a worker's spans is not found either: a search
 * needs the service name, and a worker's changes at every start.
 */
final class RecentOperationsPanel {

  static final String TITLE = "Recent operations";

  /** The backend span every operation's trace holds once. */
  static final String OPERATION_SPAN = "operations.create";
  /** How many operation traces the table lists. */
  static final int OPERATIONS_LISTED = 20;
  /** The span tags of a failure the backend records, in the logfmt of Jaeger searches. */
  static final String FAILED_TAGS = "operation.status=failed";
  /** How many recent failed traces the Failed column looks at. */
  static final int FAILED_TRACES_SEARCHED = 100;

  private static final String TRACE_ID = "Trace ID";
  private static final String TRACE_NAME = "Trace name";
  private static final String START_TIME = "Start time";
  private static final String DURATION = "Duration";
  private static final String FAILED = "Failed";

  private RecentOperationsPanel() {}

  static Panel build() {
    return Panel.table(TITLE)
        .description(
            "The last "
                + OPERATIONS_LISTED
                + " operation traces in Jaeger (traces through the backend's operations.create"
                + " span): what started them, when, how long the starting request took, and"
                + " whether the backend recorded the operation as failed (operation.status)."
                + " Click a trace id to open the trace. Normal: Failed 'no'; a 'failed' row is"
                + " worth opening. A backtest or training that failed on its worker shows 'no'"
                + " here (the worker records it, under a service name a search cannot know); the"
                + " success and failure rate panel counts it. Run times of operations are in the"
                + " duration panels.")
        .datasource(KtrdrVariables.JAEGER)
        .target(
            JaegerTarget.search(TraceLinks.BACKEND_SERVICE)
                .refId("A")
                .datasource(KtrdrVariables.JAEGER)
                .operation(OPERATION_SPAN)
                .limit(OPERATIONS_LISTED))
        .target(
            JaegerTarget.search(TraceLinks.BACKEND_SERVICE)
                .refId("B")
                .datasource(KtrdrVariables.JAEGER)
                .tags(FAILED_TAGS)
                .limit(FAILED_TRACES_SEARCHED))
        .transformation(failedTracesAsFailedColumn())
        .transformation(
            Transformation.of("joinByField")
                .option("byField", TRACE_ID)
                .option("mode", "outerTabular"))
        .transformation(
            // Drop failed traces that are not among the listed operation traces: no name from A.
            Transformation.of("filterByValue")
                .option("type", "include")
                .option("match", "all")
                .option(
                    "filters",
                    List.of(
                        Map.of(
                            "fieldName",
                            TRACE_NAME,
                            "config",
                            Map.of("id", "isNotNull", "options", Map.of())))))
        .transformation(
            KtrdrPanels.searchColumns(
                TRACE_NAME, "Operation",
                START_TIME, START_TIME,
                DURATION, DURATION,
                FAILED, FAILED,
                TRACE_ID, TRACE_ID))
        // No unit set here: Grafana's Jaeger search gives Duration its own (µs when the search
        // runs in Grafana's backend, ms in older front-end searches), and a table-wide unit would
        // also format the start time as a number.
        .override(
            FieldOverride.byName(FAILED)
                .mappings(
                    ValueMapping.special(ValueMapping.Special.NULL, "no", "green"),
                    ValueMapping.regex(".+", "failed", "red"))
                .cellType("color-text"))
        .override(
            FieldOverride.byName(TRACE_ID)
                .links(
                    DataLink.inNewTab(
                        "Open trace ${__value.raw}", TraceLinks.traceOfClickedValue())))
        .sortBy(START_TIME, true)
        .size(24, 10)
        .build();
  }

  /**
   * Applied to query B only: its trace name becomes the Failed column, and its start and duration
   * are dropped so that they do not clash with A's.
   */
  private static Transformation failedTracesAsFailedColumn() {
    return Transformation.organize()
        .filterByRefId("B")
        .excludeByName(START_TIME)
        .excludeByName(DURATION)
        .renameByName(TRACE_NAME, FAILED)
        .build();
  }
}
