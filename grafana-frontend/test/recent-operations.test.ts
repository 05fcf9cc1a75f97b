import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { type JaegerTrace, jaegerSearchFrame } from '../src/frames';
import { judgePanel } from '../src/panels';
import { FIXTURES, dashboard, panel, readJson } from './support';

const search = (file: string) => readJson<{ data: JaegerTrace[] }>(join(FIXTURES, 'jaeger', file)).data;

test('recent operations keeps its start time column and lists the newest operation first', async () => {
  const recent = panel(dashboard('ktrdr-operations'), 'Recent operations');
  const frames = [
    jaegerSearchFrame('A', search('search-operations-create.json')),
    jaegerSearchFrame('B', search('search-failed.json')),
  ];
  const view = await judgePanel(recent, frames);
  assert.deepEqual(view.findings, []);
  assert.deepEqual(view.columns, ['Operation', 'Start time', 'Duration', 'Failed', 'Trace ID']);
  assert.deepEqual(
    view.rows!.map((r) => [r[0], r[1], r[3], r[4]]),
    [
      ['ktrdr-api: operations.create', '2025-12-06 00:03:00', 'failed', 'a1b2c3d4e5f60003'],
      ['ktrdr-api: operations.create', '2025-12-06 00:02:00', 'no', 'a1b2c3d4e5f60002'],
      ['ktrdr-api: operations.create', '2025-12-06 00:01:00', 'no', 'a1b2c3d4e5f60001'],
    ]
  );
});

test('the judge reports the Start time that excludeByName Time drops from joinByField output', async () => {
  const recent = panel(dashboard('ktrdr-operations'), 'Recent operations');
  const last = recent.transformations![recent.transformations!.length - 1];
  last.options = { ...last.options, excludeByName: { Time: true } };
  const view = await judgePanel(recent, [
    jaegerSearchFrame('A', search('search-operations-create.json')),
    jaegerSearchFrame('B', search('search-failed.json')),
  ]);
  assert.deepEqual(view.columns, ['Operation', 'Duration', 'Failed', 'Trace ID']);
  assert.deepEqual(view.findings, [
    'organize dropped "Start time", which it does not exclude (excludeByName: Time)',
    'sortBy names "Start time", which is no column (columns: Operation, Duration, Failed, Trace ID)',
  ]);
});
