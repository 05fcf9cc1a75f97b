package io.ktrdr.observability.dashboards.model;

/** Option values shared by several panel types, written as Grafana's lowercase JSON values. */
public final class PanelOptions {

  private PanelOptions() {}

  /** How a legend shows: a list, a table (with calcs), or not at all. */
  public enum LegendMode {
    LIST,
    TABLE,
    HIDDEN
  }

  /** Where a legend sits. */
  public enum LegendPlacement {
    BOTTOM,
    RIGHT
  }

  /** Orientation of stat, bar gauge and bar chart panels. */
  public enum Orientation {
    AUTO,
    HORIZONTAL,
    VERTICAL
  }

  /** Whether a tooltip shows one series, all of them, or none. */
  public enum TooltipMode {
    SINGLE,
    MULTI,
    NONE
  }

  /** Series stacking. */
  public enum Stacking {
    NONE,
    NORMAL,
    PERCENT
  }

  /** Whether values are drawn on bars and states. */
  public enum ShowValue {
    AUTO,
    ALWAYS,
    NEVER
  }

  /** How a series is reduced to one value (Grafana's reducer ids). */
  public enum Reducer {
    LAST_NOT_NULL("lastNotNull"),
    LAST("last"),
    FIRST_NOT_NULL("firstNotNull"),
    FIRST("first"),
    MEAN("mean"),
    MAX("max"),
    MIN("min"),
    SUM("sum"),
    COUNT("count"),
    DELTA("delta"),
    RANGE("range");

    private final String json;

    Reducer(String json) {
      this.json = json;
    }

    /** The reducer id in Grafana's JSON. */
    public String json() {
      return json;
    }
  }

  static String[] reducerIds(Reducer... reducers) {
    String[] ids = new String[reducers.length];
    for (int i = 0; i < reducers.length; i++) {
      ids[i] = reducers[i].json();
    }
    return ids;
  }
}
