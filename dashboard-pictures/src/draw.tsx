// One panel drawn by @grafana/ui's own components, as Grafana 13.2's panel plugins use them: stat with
// BigValue, time series with TimeSeries, table with Table, bar gauge with BarGauge. Panel types whose
// component lives in a Grafana panel plugin (not in @grafana/ui) are drawn by the nearest component,
// and say so on the panel.
import {
  type DataFrame,
  type FieldConfigSource,
  type FieldDisplay,
  FieldType,
  type ReduceDataOptions,
  VizOrientation,
  dateTime,
  getFieldDisplayValues,
} from '@grafana/data';
import { BarGaugeDisplayMode, LegendDisplayMode, type VizLegendOptions } from '@grafana/schema';
import {
  BarGauge,
  BigValue,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueJustifyMode,
  BigValueTextMode,
  Table,
  TimeSeries,
} from '@grafana/ui';
import { darkTheme } from '../../grafana-frontend/src/grafana';
import { type PanelJson, TIME_ZONE } from './prepare';

/** How a panel type is drawn: its own component, or the nearest one with a note on the panel. */
export interface Drawing {
  component: 'BigValue' | 'TimeSeries' | 'Table' | 'BarGauge';
  /** Set when the panel's own visualisation is not in @grafana/ui: the note shown on the panel. */
  nearest?: string;
  fieldConfig: 'timeseries' | 'table' | 'other';
  stepped?: boolean;
}

export function drawingOf(type: string): Drawing {
  switch (type) {
    case 'stat':
      return { component: 'BigValue', fieldConfig: 'other' };
    case 'timeseries':
      return { component: 'TimeSeries', fieldConfig: 'timeseries' };
    case 'table':
      return { component: 'Table', fieldConfig: 'table' };
    case 'bargauge':
      return { component: 'BarGauge', fieldConfig: 'other' };
    case 'gauge':
      return { component: 'BarGauge', fieldConfig: 'other', nearest: 'gauge drawn as a bar gauge' };
    case 'piechart':
      return { component: 'BarGauge', fieldConfig: 'other', nearest: 'pie chart drawn as a bar gauge' };
    case 'barchart':
      return { component: 'BarGauge', fieldConfig: 'other', nearest: 'bar chart drawn as a bar gauge' };
    case 'state-timeline':
    case 'status-history':
      return { component: 'TimeSeries', fieldConfig: 'timeseries', stepped: true, nearest: `${type.replace('-', ' ')} drawn as a stepped time series` };
    case 'histogram':
    case 'heatmap':
    case 'trend':
    case 'xychart':
      return { component: 'TimeSeries', fieldConfig: 'timeseries', nearest: `${type} drawn as a time series` };
    default:
      return { component: 'Table', fieldConfig: 'table', nearest: `${type} drawn as a table` };
  }
}

export interface DrawProps {
  panel: PanelJson;
  drawing: Drawing;
  frames: DataFrame[];
  fieldConfig: FieldConfigSource;
  width: number;
  height: number;
  from: number;
  to: number;
}

/** True when the frames hold at least one value a viewer would see. */
export function hasData(frames: DataFrame[]): boolean {
  return frames.some((f) => f.length > 0 && f.fields.some((field) => field.type !== FieldType.time));
}

function displayValues(props: DrawProps, reduceOptions: ReduceDataOptions): FieldDisplay[] {
  return getFieldDisplayValues({
    data: props.frames,
    reduceOptions,
    fieldConfig: props.fieldConfig,
    replaceVariables: (s) => s,
    theme: darkTheme(),
    timeZone: TIME_ZONE,
  });
}

function reduceOptionsOf(panel: PanelJson): ReduceDataOptions {
  return (panel.options?.reduceOptions as ReduceDataOptions | undefined) ?? { calcs: ['lastNotNull'], values: false };
}

/** Values side by side when the panel is wider than tall, else stacked (the stat's auto orientation). */
function tiles(count: number, width: number, height: number, horizontal: boolean): { w: number; h: number } {
  const gap = 8;
  if (horizontal) return { w: (width - gap * (count - 1)) / count, h: height };
  return { w: width, h: (height - gap * (count - 1)) / count };
}

function Stat(props: DrawProps) {
  const values = displayValues(props, reduceOptionsOf(props.panel));
  const o = props.panel.options ?? {};
  const horizontal = (o.orientation as string | undefined) === 'horizontal' ? false : props.width >= props.height;
  const size = tiles(values.length, props.width, props.height, horizontal);
  return (
    <div style={{ display: 'flex', flexDirection: horizontal ? 'row' : 'column', gap: 8, width: props.width, height: props.height }}>
      {values.map((v, i) => (
        <BigValue
          key={i}
          theme={darkTheme()}
          width={size.w}
          height={size.h}
          value={v.display}
          sparkline={v.sparkline}
          colorMode={(o.colorMode as BigValueColorMode) ?? BigValueColorMode.Value}
          graphMode={v.sparkline ? ((o.graphMode as BigValueGraphMode) ?? BigValueGraphMode.None) : BigValueGraphMode.None}
          justifyMode={(o.justifyMode as BigValueJustifyMode) ?? BigValueJustifyMode.Auto}
          textMode={(o.textMode as BigValueTextMode) ?? BigValueTextMode.Auto}
          count={values.length}
        />
      ))}
    </div>
  );
}

/** A bar chart's x axis is its table's first string column: each bar is named by its row's value there. */
function nameRowsByCategory(frames: DataFrame[], values: FieldDisplay[]): void {
  const category = frames[0]?.fields.find((f) => f.type === FieldType.string);
  if (!category) return;
  for (const v of values) {
    if (v.rowIndex !== undefined) v.display.title = `${category.values[v.rowIndex]} ${v.display.title ?? ''}`.trim();
  }
}

function Gauges(props: DrawProps) {
  const o = props.panel.options ?? {};
  // A bar chart shows every row of its table; the others reduce each series to one value.
  const reduce: ReduceDataOptions =
    props.panel.type === 'barchart' ? { values: true, calcs: [], limit: 50 } : reduceOptionsOf(props.panel);
  const values = displayValues(props, reduce);
  if (props.panel.type === 'barchart') nameRowsByCategory(props.frames, values);
  const size = tiles(values.length, props.width, props.height, false);
  const displayMode = (o.displayMode as BarGaugeDisplayMode | undefined) ?? BarGaugeDisplayMode.Gradient;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, width: props.width, height: props.height }}>
      {values.map((v, i) => (
        <BarGauge
          key={i}
          theme={darkTheme()}
          width={size.w}
          height={size.h}
          field={v.field}
          value={v.display}
          orientation={VizOrientation.Horizontal}
          displayMode={displayMode}
          showUnfilled={(o.showUnfilled as boolean | undefined) ?? true}
        />
      ))}
    </div>
  );
}

function Series(props: DrawProps) {
  const legend = {
    showLegend: true,
    displayMode: LegendDisplayMode.List,
    placement: 'bottom',
    calcs: [],
    ...((props.panel.options?.legend as object | undefined) ?? {}),
  } as VizLegendOptions;
  const timeRange = { from: dateTime(props.from), to: dateTime(props.to), raw: { from: dateTime(props.from), to: dateTime(props.to) } };
  const frames = props.frames.filter((f) => f.fields.some((x) => x.type === FieldType.time) && f.fields.some((x) => x.type === FieldType.number));
  return (
    <TimeSeries
      frames={frames}
      width={props.width}
      height={props.height}
      timeRange={timeRange}
      timeZone={TIME_ZONE}
      legend={legend}
      options={props.panel.options}
    />
  );
}

function TableOf(props: DrawProps) {
  const sortBy = (props.panel.options?.sortBy as Array<{ displayName: string; desc?: boolean }> | undefined) ?? [];
  return (
    <Table
      data={props.frames[0]}
      width={props.width}
      height={props.height}
      initialSortBy={sortBy}
      showTypeIcons={false}
      resizable={false}
    />
  );
}

export function Visualisation(props: DrawProps) {
  switch (props.drawing.component) {
    case 'BigValue':
      return <Stat {...props} />;
    case 'BarGauge':
      return <Gauges {...props} />;
    case 'TimeSeries':
      return <Series {...props} />;
    case 'Table':
      return <TableOf {...props} />;
  }
}
