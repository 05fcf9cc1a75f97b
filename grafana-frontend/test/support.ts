import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PanelJson } from '../src/panels';

/** Tests run from grafana-frontend/ (npm test); the project root is its parent. */
export const PROJECT_ROOT = resolve(process.cwd(), '..');
export const FIXTURES = resolve(process.cwd(), 'fixtures');

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export interface DashboardJson {
  uid: string;
  title: string;
  panels: Array<PanelJson & { targets?: Array<Record<string, unknown>> }>;
  templating?: { list: Array<Record<string, unknown>> };
}

export function dashboard(uid: string): DashboardJson {
  return readJson<DashboardJson>(join(PROJECT_ROOT, 'monitoring/grafana/dashboards', `${uid}.json`));
}

export function panel(d: DashboardJson, title: string): DashboardJson['panels'][number] {
  const found = d.panels.find((p) => p.title === title);
  if (!found) throw new Error(`dashboard ${d.uid} has no panel "${title}"`);
  return structuredClone(found);
}
