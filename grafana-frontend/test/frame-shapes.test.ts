// The frame shapes of src/frames.ts pinned: each datasource answer of the fixtures, turned into frames,
// compared with fixtures/frames/<shape>.json. UPDATE_FRAME_SHAPES=1 rewrites those files.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DataFrame } from '@grafana/data';
import { type Answer, type JaegerTrace, jaegerSearchFrame, jaegerTraceFrame, panelFrames } from '../src/frames';
import { FIXTURES, readJson } from './support';

/** A frame as plain JSON: what Grafana's panel receives, without functions. */
function plain(frames: DataFrame[]): unknown {
  return frames.map((f) => ({
    name: f.name,
    refId: f.refId,
    meta: f.meta,
    length: f.length,
    fields: f.fields.map((x) => ({ name: x.name, type: x.type, config: x.config, labels: x.labels, values: x.values })),
  }));
}

function pinned(shape: string, frames: DataFrame[]): void {
  const file = join(FIXTURES, 'frames', `${shape}.json`);
  const actual = JSON.parse(JSON.stringify(plain(frames)));
  if (process.env.UPDATE_FRAME_SHAPES === '1' || !existsSync(file)) {
    mkdirSync(join(FIXTURES, 'frames'), { recursive: true });
    writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
    if (process.env.UPDATE_FRAME_SHAPES !== '1') assert.fail(`${file} was missing and has been written; commit it`);
  }
  assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')), `${shape} differs from ${file}`);
}

const prom = (uid: string, panel: string) =>
  readJson<{ panels: Record<string, Record<string, Answer>> }>(join(FIXTURES, 'prometheus', `${uid}.json`)).panels[panel];
const search = (file: string) => readJson<{ data: JaegerTrace[] }>(join(FIXTURES, 'jaeger', file)).data;

test('Prometheus range query, time series: timeseries-multi frames, Time and Value, legend as displayNameFromDS', () => {
  pinned('prometheus-range-time-series', panelFrames(
    [{ refId: 'A', expr: 'sum(rate(x[5m]))', legendFormat: '5xx share', range: true }],
    prom('ktrdr-system-overview', 'Error rate'), 60_000));
});

test('Prometheus instant query, time series: numeric-multi frames, one per series', () => {
  pinned('prometheus-instant-time-series', panelFrames(
    [
      { refId: 'A', expr: 'sum(x)', legendFormat: 'all', instant: true },
      { refId: 'B', expr: 'sum by (worker_type) (x)', legendFormat: '{{worker_type}}', instant: true },
    ],
    prom('ktrdr-worker-status', 'Registered workers'), 60_000));
});

test('Prometheus instant queries, format table: one table per refId, label columns, Value #refId', () => {
  pinned('prometheus-instant-table', panelFrames(
    [
      { refId: 'A', expr: 'max by (environment, service, worker_type) (up)', format: 'table', instant: true },
      { refId: 'B', expr: 'max by (environment, service, worker_type) (process_start_time_seconds) * 1000', format: 'table', instant: true },
    ],
    prom('ktrdr-worker-status', 'Worker health'), 60_000));
});

test('Prometheus instant query, format heatmap: buckets de-accumulated into one heatmap-rows frame', () => {
  pinned('prometheus-instant-heatmap', panelFrames(
    [{ refId: 'A', expr: 'sum by (le) (increase(x_bucket[1h]))', legendFormat: '{{le}}', format: 'heatmap', instant: true }],
    prom('ktrdr-operations', 'Operation duration distribution'), 60_000));
});

test('Jaeger search and trace frames', () => {
  const traces = search('search-operations-create.json');
  pinned('jaeger-search', [jaegerSearchFrame('A', traces)]);
  pinned('jaeger-trace', [jaegerTraceFrame('A', traces[0])]);
});
