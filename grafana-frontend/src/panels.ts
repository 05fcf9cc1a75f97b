// One panel as a viewer sees it: its transformations run by @grafana/data's transformDataFrame, its
// field config applied by applyFieldOverrides, every value formatted by the field's display
// processor; plus the findings: configuration that Grafana silently ignores or that loses data.
import './viewer';
import {
  type DataFrame,
  type DataTransformerConfig,
  type Field,
  type FieldConfigSource,
  FieldType,
  type InterpolateFunction,
  type ReduceDataOptions,
  applyFieldOverrides,
  formattedValueToString,
  getFieldDisplayName,
  getFieldDisplayValues,
  getValueFormats,
  transformDataFrame,
} from '@grafana/data';
import { firstValueFrom } from 'rxjs';
import { darkTheme, fieldConfigRegistry, initTransformers, knownTransformer } from './grafana';
import { VIEWER_TIME_ZONE } from './viewer';

/** The parts of a panel of the dashboard JSON the judge reads. */
export interface PanelJson {
  id: number;
  type: string;
  title: string;
  transformations?: DataTransformerConfig[];
  fieldConfig?: FieldConfigSource;
  options?: Record<string, unknown>;
}

export interface DisplayedValue {
  title: string;
  text: string;
}
export interface SeriesView {
  name: string;
  points: number;
  last: string;
  /** The largest value, formatted (a legend's "Max"). */
  max: string;
}

/** What the viewer sees of a panel. Tables: columns and formatted rows, in display order. */
export interface PanelView {
  id: number;
  title: string;
  type: string;
  columns?: string[];
  rows?: string[][];
  values?: DisplayedValue[];
  series?: SeriesView[];
  findings: string[];
}

const SHOWN_AS_TABLE = new Set(['table']);
const SHOWN_AS_VALUES = new Set(['stat', 'gauge', 'bargauge', 'piechart']);
const SHOWN_AS_SERIES = new Set(['timeseries', 'state-timeline', 'barchart', 'histogram']);

let unitIds: Set<string> | undefined;
/** Every unit id in @grafana/data's unit registry. */
export function knownUnits(): Set<string> {
  if (!unitIds) {
    unitIds = new Set(getValueFormats().flatMap((category) => (category.submenu ?? []).map((u) => String(u.value))));
  }
  return unitIds;
}

/** A unit id Grafana formats: a registered one, or one of its prefixed forms (suffix:, prefix:, ...). */
export function isKnownUnit(unit: string): boolean {
  if (knownUnits().has(unit)) return true;
  return /^(suffix|prefix|si|count|currency|time|bool):/.test(unit);
}

function displayNames(frames: DataFrame[]): string[] {
  return frames.flatMap((frame) => frame.fields.map((field) => getFieldDisplayName(field, frame, frames)));
}

function checkStep(t: DataTransformerConfig, input: DataFrame[], output: DataFrame[], findings: string[]): void {
  const before = displayNames(input);
  const after = new Set(displayNames(output));
  const options = (t.options ?? {}) as Record<string, unknown>;
  if (t.id === 'organize') {
    const excluded = (options.excludeByName ?? {}) as Record<string, boolean>;
    const renamed = (options.renameByName ?? {}) as Record<string, string>;
    const indexed = (options.indexByName ?? {}) as Record<string, number>;
    const inScope = t.filter ? before : before;
    for (const name of new Set([...Object.keys(indexed), ...Object.keys(renamed)])) {
      if (!excluded[name] && !inScope.includes(name)) {
        findings.push(`organize names "${name}", which no field of its input has (input: ${before.join(', ')})`);
      }
    }
    for (const name of before) {
      const shownAs = renamed[name] || name;
      if (!excluded[name] && !after.has(shownAs)) {
        findings.push(
          `organize dropped "${name}", which it does not exclude (excludeByName: ${Object.keys(excluded).join(', ')})`
        );
      }
    }
  } else if (t.id === 'filterByValue') {
    const filters = (options.filters ?? []) as Array<{ fieldName?: string }>;
    for (const f of filters) {
      if (f.fieldName && !before.includes(f.fieldName)) {
        findings.push(`filterByValue reads "${f.fieldName}", which no field of its input has`);
      }
    }
  } else if (t.id === 'joinByField' || t.id === 'seriesToColumns') {
    const by = options.byField as string | undefined;
    if (by && !before.includes(by)) findings.push(`${t.id} joins by "${by}", which no field of its input has`);
  }
}

function unitFindings(fieldConfig: FieldConfigSource): string[] {
  const units: string[] = [];
  if (fieldConfig.defaults?.unit) units.push(fieldConfig.defaults.unit);
  for (const o of fieldConfig.overrides ?? []) {
    for (const p of o.properties) if (p.id === 'unit' && typeof p.value === 'string') units.push(p.value);
  }
  return units.filter((u) => !isKnownUnit(u)).map((u) => `unit "${u}" is not in @grafana/data's unit registry`);
}

function overrideFindings(fieldConfig: FieldConfigSource, frames: DataFrame[]): string[] {
  const names = new Set(displayNames(frames));
  return (fieldConfig.overrides ?? [])
    .filter((o) => o.matcher.id === 'byName' && !names.has(String(o.matcher.options)))
    .map((o) => `override for "${o.matcher.options}" matches no field (fields: ${[...names].join(', ')})`);
}

function formatted(field: Field, value: unknown): string {
  if (!field.display) return value == null ? '' : String(value);
  return formattedValueToString(field.display(value));
}

function tableView(panel: PanelJson, frames: DataFrame[], view: PanelView): void {
  const frame = frames[0];
  if (!frame) {
    view.columns = [];
    view.rows = [];
    return;
  }
  const shown = frame.fields.filter((f) => !f.config.custom?.hidden);
  view.columns = shown.map((f) => getFieldDisplayName(f, frame, frames));
  let order = [...Array(frame.length).keys()];
  const sortBy = (panel.options?.sortBy ?? []) as Array<{ displayName: string; desc?: boolean }>;
  if (sortBy.length > 0) {
    const index = view.columns.indexOf(sortBy[0].displayName);
    if (index < 0) {
      view.findings.push(`sortBy names "${sortBy[0].displayName}", which is no column (columns: ${view.columns.join(', ')})`);
    } else {
      const values = shown[index].values;
      const sign = sortBy[0].desc ? -1 : 1;
      order = order.sort((a, b) => {
        const x = values[a];
        const y = values[b];
        if (x === y) return 0;
        if (x == null) return 1;
        if (y == null) return -1;
        return (x < y ? -1 : 1) * sign;
      });
    }
  }
  view.rows = order.map((row) => shown.map((f) => formatted(f, f.values[row])));
}

function lastNotNull(values: unknown[]): unknown {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] != null && !Number.isNaN(values[i])) return values[i];
  return null;
}

function largest(values: unknown[]): unknown {
  const numbers = values.filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
  return numbers.length === 0 ? null : Math.max(...numbers);
}

function seriesView(frames: DataFrame[]): SeriesView[] {
  return frames.flatMap((frame) =>
    frame.fields
      .filter((f) => f.type === FieldType.number)
      .map((f) => ({
        name: getFieldDisplayName(f, frame, frames),
        points: f.values.length,
        last: formatted(f, lastNotNull(f.values)),
        max: formatted(f, largest(f.values)),
      }))
  );
}

/** Runs one panel on its frames as Grafana 13.2 would, and returns what a viewer sees. */
export async function judgePanel(
  panel: PanelJson,
  frames: DataFrame[],
  replaceVariables: InterpolateFunction = (s) => s
): Promise<PanelView> {
  initTransformers();
  const view: PanelView = { id: panel.id, title: panel.title, type: panel.type, findings: [] };
  let data = frames;
  for (const t of panel.transformations ?? []) {
    if (!knownTransformer(t.id)) {
      view.findings.push(`transformation "${t.id}" is not one of @grafana/data's transformers; Grafana skips it`);
      continue;
    }
    const output = await firstValueFrom(transformDataFrame([t], data, { interpolate: (s) => replaceVariables(s) }));
    checkStep(t, data, output, view.findings);
    data = output;
  }
  const fieldConfig: FieldConfigSource = panel.fieldConfig ?? { defaults: {}, overrides: [] };
  fieldConfig.overrides ??= [];
  const customIds = (fieldConfig.overrides ?? []).flatMap((o) => o.properties.map((p) => p.id));
  const registry = fieldConfigRegistry([...customIds, ...Object.keys(fieldConfig.defaults.custom ?? {}).map((k) => `custom.${k}`)]);
  view.findings.push(...unitFindings(fieldConfig), ...overrideFindings(fieldConfig, data));
  const processed = applyFieldOverrides({
    data,
    fieldConfig,
    fieldConfigRegistry: registry,
    replaceVariables,
    theme: darkTheme(),
    timeZone: VIEWER_TIME_ZONE,
  });
  if (SHOWN_AS_TABLE.has(panel.type)) {
    tableView(panel, processed, view);
  } else if (SHOWN_AS_VALUES.has(panel.type)) {
    const reduceOptions = (panel.options?.reduceOptions ?? { calcs: ['lastNotNull'] }) as ReduceDataOptions;
    view.values = getFieldDisplayValues({
      data: processed,
      reduceOptions,
      fieldConfig,
      replaceVariables,
      theme: darkTheme(),
      timeZone: VIEWER_TIME_ZONE,
    }).map((v) => ({ title: v.display.title ?? '', text: formattedValueToString(v.display) }));
  } else if (SHOWN_AS_SERIES.has(panel.type)) {
    view.series = seriesView(processed);
  }
  return view;
}
