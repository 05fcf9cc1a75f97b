// Data frames as Grafana 13.2's datasources hand them to a panel. Each shape is written down once
// here, with where it was read; fixtures/frames/*.json pin examples (README: "Frame shapes").
import './viewer';
import { type DataFrame, DataFrameType, type Field, FieldType, sortDataFrame } from '@grafana/data';

// ---- Prometheus ---------------------------------------------------------------------------------

/** One Prometheus query of a panel, as the dashboard JSON states it. */
export interface PromTarget {
  refId: string;
  expr: string;
  legendFormat?: string;
  format?: 'time_series' | 'table' | 'heatmap';
  instant?: boolean;
  range?: boolean;
}

export type PromSample = [number, string];
export interface PromSeries {
  metric: Record<string, string>;
  value?: PromSample;
  values?: PromSample[];
}
/** The body of Prometheus' /api/v1/query or /api/v1/query_range. */
export interface PromApiResponse {
  status: string;
  data: { resultType: 'matrix' | 'vector' | 'scalar' | 'string'; result: PromSeries[] | PromSample };
}

const LEGEND_AUTO = '__auto';
const LEGEND_TEMPLATE = /\{\{\s*(.+?)\s*\}\}/g;
const INFINITY = /^[+-]?inf(?:inity)?$/i;

/** Prometheus' sample text to a number ("+Inf", "NaN" included). */
export function parseSampleValue(value: string): number {
  if (INFINITY.test(value)) {
    return value[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return parseFloat(value);
}

/** Metric name and labels as Prometheus prints them: name{a="x", b="y"}, labels sorted. */
function metricNameFromLabels(labels: Record<string, string>): string {
  const name = labels.__name__;
  const rest = Object.keys(labels)
    .filter((k) => k !== '__name__')
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`);
  if (rest.length === 0) return name ?? '{}';
  return `${name ?? ''}{${rest.join(', ')}}`;
}

/** The series name the backend gives a value field: legendFormat with {{label}} replaced. */
export function legendName(target: PromTarget, labels: Record<string, string>): string {
  let legend = metricNameFromLabels(labels);
  const format = target.legendFormat ?? '';
  if (format === LEGEND_AUTO) {
    if (Object.keys(labels).length > 0) legend = '';
  } else if (format !== '') {
    legend = format.replace(LEGEND_TEMPLATE, (_m, label: string) => labels[label] ?? '');
  }
  return legend === '{}' ? target.expr : legend;
}

function formatStep(stepMs: number): string {
  // Go's time.Duration.String() for whole seconds and minutes, as the step always is here.
  const s = Math.round(stepMs / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m < 60) return `${m}m${rest}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${rest}s`;
}

/**
 * The frames Grafana's Prometheus backend (pkg/promlib) returns for one query: one frame per series,
 * fields "Time" (time, config.interval = step in ms) and "Value" (number, the series' labels),
 * meta.type "timeseries-multi" (matrix) or "numeric-multi" (vector), typeVersion [0, 1],
 * meta.custom.resultType, the value field's config.displayNameFromDS from the legend (when not
 * empty), the first frame's meta.executedQueryString "Expr: <expr>\nStep: <step>", and refId.
 * With the prometheusDataplane behaviour a value field whose labels hold __name__ is named after it.
 */
export function prometheusBackendFrames(target: PromTarget, response: PromApiResponse, stepMs: number): DataFrame[] {
  if (response.status !== 'success') {
    throw new Error(`query ${target.refId} failed: ${JSON.stringify(response).slice(0, 300)}`);
  }
  const { resultType, result } = response.data;
  const frames: DataFrame[] = [];
  const series: PromSeries[] =
    resultType === 'scalar' ? [{ metric: {}, value: result as PromSample }] : (result as PromSeries[]);
  for (const s of series) {
    const samples = s.values ?? (s.value ? [s.value] : []);
    const labels = { ...s.metric };
    const name = legendName(target, labels);
    const valueField: Field = {
      name: labels.__name__ ?? 'Value',
      type: FieldType.number,
      config: name !== '' ? { displayNameFromDS: name } : {},
      labels,
      values: samples.map((v) => parseSampleValue(v[1])),
    };
    const timeField: Field = {
      name: 'Time',
      type: FieldType.time,
      config: { interval: stepMs },
      values: samples.map((v) => Math.round(v[0] * 1000)),
    };
    frames.push({
      refId: target.refId,
      fields: [timeField, valueField],
      length: samples.length,
      meta: {
        type: resultType === 'matrix' ? DataFrameType.TimeSeriesMulti : DataFrameType.NumericMulti,
        typeVersion: [0, 1],
        custom: { resultType },
      },
    });
  }
  if (frames.length === 0) {
    frames.push({ refId: target.refId, fields: [], length: 0, meta: {} });
  }
  frames[0].meta = { ...frames[0].meta, executedQueryString: `Expr: ${target.expr}\nStep: ${formatStep(stepMs)}` };
  return frames;
}

/**
 * What the Prometheus datasource's front end (transformV2) makes of the backend's frames of one
 * panel request: format "table" frames become one table per refId (Time, one string field per label
 * sorted by name, then "Value" or, with several table refIds, "Value #<refId>"; rows sorted by time
 * where needed; preferredVisualisationType "rawPrometheus"); format "heatmap" frames are sorted by
 * le, de-accumulated and merged into one "heatmap-rows" frame whose fields are named by le; all other
 * frames get preferredVisualisationType "graph". Order: other, table, heatmap frames.
 */
export function prometheusFrontendFrames(targets: PromTarget[], frames: DataFrame[]): DataFrame[] {
  const formatOf = (df: DataFrame) => targets.find((t) => t.refId === df.refId)?.format;
  const table = frames.filter((df) => formatOf(df) === 'table');
  const heatmap = frames.filter((df) => formatOf(df) === 'heatmap' && df.meta?.type !== DataFrameType.HeatmapCells);
  const other = frames
    .filter((df) => !table.includes(df) && !heatmap.includes(df))
    .map((df) => ({ ...df, meta: { ...df.meta, preferredVisualisationType: 'graph' as const } }));
  return [...other, ...toTables(table), ...toHeatmaps(heatmap)];
}

function toTables(dfs: DataFrame[]): DataFrame[] {
  if (dfs.length === 0 || (dfs.length === 1 && dfs[0].length === 0)) return dfs;
  const byRefId = new Map<string, DataFrame[]>();
  for (const df of dfs) {
    const key = df.refId ?? '';
    byRefId.set(key, [...(byRefId.get(key) ?? []), df]);
  }
  const refIds = [...byRefId.keys()];
  return refIds.map((refId) => {
    const group = byRefId.get(refId)!;
    const timeField: Field = { name: 'Time', type: FieldType.time, config: {}, values: [] };
    const valueField: Field = {
      name: refIds.length > 1 ? `Value #${refId}` : 'Value',
      type: FieldType.number,
      config: { displayNameFromDS: undefined },
      values: [],
    };
    const labelFields: Field[] = [];
    for (const df of group) {
      for (const label of Object.keys(df.fields[1]?.labels ?? {}).sort()) {
        if (!labelFields.some((f) => f.name === label)) {
          labelFields.push({ name: label, type: FieldType.string, config: { filterable: true }, values: [] });
        }
      }
    }
    let previous = -Infinity;
    let needsSort = false;
    for (const df of group) {
      timeField.config.interval ??= df.fields[0]?.config.interval;
      for (const t of df.fields[0]?.values ?? []) {
        timeField.values.push(t);
        if (t < previous) needsSort = true;
        previous = t;
      }
      const labels = df.fields[1]?.labels ?? {};
      for (const v of df.fields[1]?.values ?? []) {
        valueField.values.push(v);
        labelFields.forEach((f) => f.values.push(Object.prototype.hasOwnProperty.call(labels, f.name) ? labels[f.name] : ''));
      }
    }
    const frame: DataFrame = {
      refId,
      fields: [timeField, ...labelFields, valueField],
      meta: { ...group[0].meta, preferredVisualisationType: 'rawPrometheus' },
      length: timeField.values.length,
    };
    return needsSort ? sortDataFrame(frame, 0) : frame;
  });
}

function toHeatmaps(dfs: DataFrame[]): DataFrame[] {
  for (const df of dfs) {
    const f = df.fields.find((x) => x.type === FieldType.number);
    const le = f?.labels?.le;
    if (df.name == null && f && le) {
      df.name = le;
      f.config.displayNameFromDS = le;
    }
  }
  const out: DataFrame[] = [];
  const byRefId = new Map<string, DataFrame[]>();
  for (const df of dfs) byRefId.set(df.refId ?? '', [...(byRefId.get(df.refId ?? '') ?? []), df]);
  for (const group of byRefId.values()) {
    const byOtherLabels = new Map<string, DataFrame[]>();
    for (const df of group) {
      const labels = { ...(df.fields.find((x) => x.type === FieldType.number)?.labels ?? {}) };
      delete labels.le;
      const key = Object.values(labels).join();
      byOtherLabels.set(key, [...(byOtherLabels.get(key) ?? []), df]);
    }
    for (const series of byOtherLabels.values()) {
      series.sort((a, b) => parseSampleValue(a.name ?? '') - parseSampleValue(b.name ?? ''));
      for (let i = series.length - 1; i > 0; i--) {
        const top = series[i].fields.find((s) => s.type === FieldType.number)!;
        const bottom = series[i - 1].fields.find((s) => s.type === FieldType.number)!;
        for (let j = 0; j < top.values.length; j++) {
          top.values[j] -= bottom.values[j] || 0;
          if (top.values[j] < 1e-9) top.values[j] = 0;
        }
      }
      if (series.length === 0 || (series.length === 1 && series[0].length === 0)) continue;
      const time = series[0].fields.find((f) => f.type === FieldType.time)!;
      const counts = series.map((df) => {
        const f = df.fields.find((x) => x.type === FieldType.number)!;
        return { ...f, name: f.config.displayNameFromDS! };
      });
      out.push({ ...series[0], meta: { ...series[0].meta, type: DataFrameType.HeatmapRows }, fields: [time, ...counts] });
    }
  }
  return out;
}

// ---- Jaeger -------------------------------------------------------------------------------------

export interface JaegerSpan {
  traceID: string;
  spanID: string;
  processID: string;
  operationName: string;
  startTime: number; // microseconds
  duration: number; // microseconds
  references?: Array<{ refType: string; spanID: string; traceID: string }>;
  tags?: unknown[];
  logs?: unknown[];
  warnings?: string[] | null;
}
export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string; tags?: unknown[] }>;
  warnings?: string[] | null;
}

function rootSpan(trace: JaegerTrace): JaegerSpan {
  return trace.spans.reduce((a, b) => (b.startTime < a.startTime ? b : a));
}

/**
 * The frame Grafana's Jaeger datasource (pkg/tsdb/jaeger, TransformSearchResponse) returns for a
 * search: name "traces", meta.preferredVisualisationType "table" (typeVersion [0, 0], the zero value),
 * fields traceID (string, displayName "Trace ID", an internal link to the trace), traceName (string,
 * "Trace name", "<service of the earliest span>: <its operation>"), startTime (time, "Start time", the
 * earliest span's start in ms), duration (number, "Duration", unit "µs", that span's duration);
 * rows newest first.
 */
export function jaegerSearchFrame(refId: string, traces: JaegerTrace[], datasourceUid = 'jaeger'): DataFrame {
  const sorted = traces.filter((t) => t.spans.length > 0).sort((a, b) => rootSpan(b).startTime - rootSpan(a).startTime);
  const roots = sorted.map(rootSpan);
  return {
    name: 'traces',
    refId,
    meta: { typeVersion: [0, 0], preferredVisualisationType: 'table' },
    length: sorted.length,
    fields: [
      {
        name: 'traceID',
        type: FieldType.string,
        config: {
          displayName: 'Trace ID',
          links: [
            {
              title: 'Trace: ${__value.raw}',
              url: '',
              internal: { query: { query: '${__value.raw}' }, datasourceUid, datasourceName: datasourceUid },
            },
          ],
        },
        values: sorted.map((t) => t.traceID),
      },
      {
        name: 'traceName',
        type: FieldType.string,
        config: { displayName: 'Trace name' },
        values: sorted.map((t, i) => `${t.processes[roots[i].processID]?.serviceName ?? ''}: ${roots[i].operationName}`),
      },
      {
        name: 'startTime',
        type: FieldType.time,
        config: { displayName: 'Start time' },
        values: roots.map((s) => Math.floor(s.startTime / 1000)),
      },
      {
        name: 'duration',
        type: FieldType.number,
        config: { displayName: 'Duration', unit: 'µs' },
        values: roots.map((s) => s.duration),
      },
    ],
  };
}

/**
 * The frame of one trace (pkg/tsdb/jaeger, TransformTraceResponse): name = refId,
 * meta.preferredVisualisationType "trace", meta.custom.traceFormat "jaeger", one row per span:
 * traceID, spanID, parentSpanID (the CHILD_OF reference or null), operationName, serviceName,
 * serviceTags, startTime and duration (ms, float), logs, references (without the parent), tags,
 * warnings, stackTraces.
 */
export function jaegerTraceFrame(refId: string, trace: JaegerTrace): DataFrame {
  const spans = trace.spans;
  const parent = (s: JaegerSpan) => s.references?.find((r) => r.refType === 'CHILD_OF')?.spanID ?? null;
  const f = (name: string, type: FieldType, values: unknown[]): Field => ({ name, type, config: {}, values });
  return {
    name: refId,
    refId,
    meta: { preferredVisualisationType: 'trace', custom: { traceFormat: 'jaeger' } },
    length: spans.length,
    fields: [
      f('traceID', FieldType.string, spans.map((s) => s.traceID)),
      f('spanID', FieldType.string, spans.map((s) => s.spanID)),
      f('parentSpanID', FieldType.string, spans.map(parent)),
      f('operationName', FieldType.string, spans.map((s) => s.operationName)),
      f('serviceName', FieldType.string, spans.map((s) => trace.processes[s.processID]?.serviceName ?? '')),
      f('serviceTags', FieldType.other, spans.map((s) => trace.processes[s.processID]?.tags ?? [])),
      f('startTime', FieldType.number, spans.map((s) => s.startTime / 1000)),
      f('duration', FieldType.number, spans.map((s) => s.duration / 1000)),
      f('logs', FieldType.other, spans.map((s) => s.logs ?? [])),
      f('references', FieldType.other, spans.map((s) => (s.references ?? []).filter((r) => r.spanID !== parent(s)))),
      f('tags', FieldType.other, spans.map((s) => s.tags ?? [])),
      f('warnings', FieldType.other, spans.map((s) => s.warnings ?? null)),
      f('stackTraces', FieldType.other, spans.map(() => null)),
    ],
  };
}

// ---- A panel's request ---------------------------------------------------------------------------

/** A target of the dashboard JSON, with the fields the judge reads. */
export interface TargetJson {
  refId: string;
  datasource?: { type?: string; uid?: string };
  expr?: string;
  legendFormat?: string;
  format?: 'time_series' | 'table' | 'heatmap';
  instant?: boolean;
  range?: boolean;
  queryType?: string;
}

/** What a datasource answered for one target: Prometheus' API body, or Jaeger's traces. */
export type Answer = PromApiResponse | { data: JaegerTrace[] };

/**
 * The frames a panel receives for its targets, given each target's raw answer: Prometheus through
 * the backend and then the front end's transformV2 (over all of the panel's Prometheus frames at
 * once, as one request), Jaeger searches through TransformSearchResponse. Order: Prometheus frames
 * as transformV2 orders them, then Jaeger frames in target order.
 */
export function panelFrames(targets: TargetJson[], answers: Record<string, Answer>, stepMs: number): DataFrame[] {
  const prom: PromTarget[] = [];
  const backend: DataFrame[] = [];
  const jaeger: DataFrame[] = [];
  for (const target of targets) {
    const answer = answers[target.refId];
    if (answer === undefined) throw new Error(`no answer for target ${target.refId}`);
    if (target.datasource?.type === 'jaeger' || target.queryType === 'search') {
      jaeger.push(jaegerSearchFrame(target.refId, (answer as { data: JaegerTrace[] }).data));
    } else {
      const p: PromTarget = { refId: target.refId, expr: target.expr ?? '', legendFormat: target.legendFormat, format: target.format };
      prom.push(p);
      backend.push(...prometheusBackendFrames(p, answer as PromApiResponse, stepMs));
    }
  }
  return [...prometheusFrontendFrames(prom, backend), ...jaeger];
}
