// A dashboard's queries with its variables substituted by @grafana/scenes (Grafana 13's dashboard
// runtime): sceneGraph.interpolate over a SceneVariableSet, with the Prometheus datasource's format
// function for PromQL, as Grafana's templateSrv does in a scenes dashboard.
import './viewer';
import { CustomVariable, EmbeddedScene, SceneFlexLayout, SceneVariableSet, sceneGraph } from '@grafana/scenes';
import type { VariableValueOption } from '@grafana/scenes';

/** A variable of the dashboard JSON (templating.list), with the fields interpolation depends on. */
export interface VariableJson {
  name: string;
  type: string;
  query?: unknown;
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string | null;
  current?: { value?: string | string[]; text?: string | string[] };
}

export type Escaping = 'classic' | 'specialCharsInLabelValues';

export interface InterpolationRequest {
  variables: VariableJson[];
  /** Every option of each variable (a query variable's as its datasource answered). */
  options: Record<string, string[]>;
  /** Selected values by variable; "$__all" for All; a variable not named is at its default. */
  selection: Record<string, string[]>;
  escaping: Escaping;
  prometheus: string[];
  text: string[];
}

const ALL = '$__all';

/**
 * The Prometheus datasource's interpolateQueryExpr (Grafana 13.2, packages/grafana-prometheus
 * src/escaping.ts, read there; AGPL, so written here from its behaviour): a variable that is neither
 * multi nor includeAll gets its value escaped for a PromQL string; otherwise each value is
 * regex-escaped and several become (a|b). The prometheusSpecialCharsInLabelValues toggle (off by
 * default) escapes double quotes, and single quotes only in regexes; classic escapes single quotes
 * in plain values and no quote in regexes.
 */
export function interpolateQueryExpr(escaping: Escaping) {
  const special = escaping === 'specialCharsInLabelValues';
  const regular = (v: string) => {
    if (special) {
      if (/^\w+(=|!=|=~|!~)".*"$/.test(v)) return v;
      return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    }
    return v.replace(/\\/g, '\\\\').replace(/'/g, "\\\\'");
  };
  const regex = (v: string) =>
    special
      ? v.replace(/\\/g, '\\\\\\\\').replace(/"/g, '\\\\\\"').replace(/[$^*{}[\]'+?.()|]/g, '\\\\$&')
      : v.replace(/\\/g, '\\\\\\\\').replace(/[$^*{}[\]+?.()|]/g, '\\\\$&');
  return (value: string | string[] = [], variable: { multi?: boolean; includeAll?: boolean }): string => {
    if (!variable.multi && !variable.includeAll) {
      return Array.isArray(value) ? value.map(regular).join(',') : regular(value);
    }
    if (typeof value === 'string') return regex(value);
    const escaped = value.map(regex);
    return escaped.length === 1 ? escaped[0] : `(${escaped.join('|')})`;
  };
}

function asArray(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The dashboard's variables as scenes variables with their options and the selection. */
export function sceneOf(request: InterpolationRequest): EmbeddedScene {
  const variables = request.variables.map((v) => {
    const options = request.options[v.name] ?? asArray(v.current?.value);
    const selected = request.selection[v.name] ?? asArray(v.current?.value);
    const multi = v.type !== 'datasource' && Boolean(v.multi);
    const value = multi ? selected : selected[0] ?? '';
    const opts: VariableValueOption[] = options.map((o) => ({ label: o, value: o }));
    // Interpolation reads a variable's value, text, options, isMulti, includeAll and allValue only:
    // a CustomVariable holds them for a query or datasource variable as well.
    return new CustomVariable({
      name: v.name,
      query: options.join(','),
      isMulti: multi,
      includeAll: v.type !== 'datasource' && Boolean(v.includeAll),
      allValue: v.allValue ?? undefined,
      value,
      text: value,
      options: opts,
    });
  });
  return new EmbeddedScene({ $variables: new SceneVariableSet({ variables }), body: new SceneFlexLayout({ children: [] }) });
}

export function interpolate(request: InterpolationRequest): { prometheus: string[]; text: string[] } {
  const scene = sceneOf(request);
  const format = interpolateQueryExpr(request.escaping);
  return {
    prometheus: request.prometheus.map((t) => sceneGraph.interpolate(scene, t, undefined, format as never)),
    text: request.text.map((t) => sceneGraph.interpolate(scene, t)),
  };
}

export { ALL };
