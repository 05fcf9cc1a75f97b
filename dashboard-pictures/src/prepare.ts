// A panel's data as Grafana 13.2 hands it to the visualisation: the frames its datasources build
// (grafana-frontend's panelFrames), its transformations run by @grafana/data, then its field config
// applied with the registry grafana-frontend wires up, as the judge does (grafana-frontend/src/panels.ts).
import {
  type DataFrame,
  type DataTransformerConfig,
  type FieldConfigSource,
  applyFieldOverrides,
  transformDataFrame,
} from '@grafana/data';
import { firstValueFrom } from 'rxjs';
import { type Answer, type TargetJson, panelFrames } from '../../grafana-frontend/src/frames';
import { darkTheme, fieldConfigRegistry, initTransformers } from '../../grafana-frontend/src/grafana';

export const TIME_ZONE = 'utc';

export interface PanelJson {
  id: number;
  type: string;
  title: string;
  description?: string;
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: TargetJson[];
  transformations?: DataTransformerConfig[];
  fieldConfig?: FieldConfigSource;
  options?: Record<string, unknown>;
  collapsed?: boolean;
  panels?: PanelJson[];
}

/**
 * Field config defaults of the panel plugins whose `custom` options drive @grafana/ui's components
 * (the defaults each plugin's module.ts registers): without them TimeSeries draws nothing.
 */
const CUSTOM_DEFAULTS: Record<string, Record<string, unknown>> = {
  timeseries: {
    drawStyle: 'line',
    lineInterpolation: 'linear',
    lineWidth: 1,
    fillOpacity: 0,
    gradientMode: 'none',
    showPoints: 'auto',
    pointSize: 5,
    spanNulls: false,
    insertNulls: false,
    axisPlacement: 'auto',
    axisColorMode: 'text',
    axisBorderShow: false,
    axisCenteredZero: false,
    axisLabel: '',
    barAlignment: 0,
    barWidthFactor: 0.6,
    showValues: false,
    scaleDistribution: { type: 'linear' },
    stacking: { mode: 'none', group: 'A' },
    thresholdsStyle: { mode: 'off' },
    hideFrom: { legend: false, tooltip: false, viz: false },
  },
  table: { align: 'auto', cellOptions: { type: 'auto' }, inspect: false },
};

/** The custom defaults a panel drawn by `component` gets, under its own custom options. */
export function withDefaults(fieldConfig: FieldConfigSource | undefined, component: 'timeseries' | 'table' | 'other', stepped: boolean): FieldConfigSource {
  const config: FieldConfigSource = structuredClone(fieldConfig ?? { defaults: {}, overrides: [] });
  config.overrides ??= [];
  config.defaults ??= {};
  const base = CUSTOM_DEFAULTS[component] ?? {};
  config.defaults.custom = { ...base, ...(config.defaults.custom ?? {}) };
  if (stepped) {
    // A state timeline drawn as a time series: its states as steps, filled.
    config.defaults.custom = { ...config.defaults.custom, lineInterpolation: 'stepAfter', fillOpacity: 30, lineWidth: 2 };
  }
  // applyFieldOverrides without Grafana's registry does not colour series by default.
  config.defaults.color ??= { mode: 'palette-classic' };
  return config;
}

/** The panel's frames after its transformations, with its field config applied. */
export async function preparePanel(
  panel: PanelJson,
  answers: Record<string, Answer>,
  stepMs: number,
  fieldConfig: FieldConfigSource
): Promise<DataFrame[]> {
  initTransformers();
  let data = panelFrames(panel.targets ?? [], answers, stepMs);
  for (const t of panel.transformations ?? []) {
    data = await firstValueFrom(transformDataFrame([t], data, { interpolate: (s) => s }));
  }
  const customIds = fieldConfig.overrides.flatMap((o) => o.properties.map((p) => p.id));
  const registry = fieldConfigRegistry([...customIds, ...Object.keys(fieldConfig.defaults.custom ?? {}).map((k) => `custom.${k}`)]);
  return applyFieldOverrides({
    data,
    fieldConfig,
    fieldConfigRegistry: registry,
    replaceVariables: (s) => s,
    theme: darkTheme(),
    timeZone: TIME_ZONE,
  });
}
