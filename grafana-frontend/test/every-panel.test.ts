import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { type Answer, type TargetJson, panelFrames } from '../src/frames';
import { type PanelView, judgePanel } from '../src/panels';
import { FIXTURES, PROJECT_ROOT, dashboard, readJson } from './support';

interface PanelFixtures {
  panels: Record<string, Record<string, Answer>>;
}

const DASHBOARDS = readdirSync(join(PROJECT_ROOT, 'monitoring/grafana/dashboards'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

const JAEGER_ANSWERS: Record<string, Answer> = {
  A: readJson(join(FIXTURES, 'jaeger/search-operations-create.json')),
  B: readJson(join(FIXTURES, 'jaeger/search-failed.json')),
};

async function views(uid: string, edit: (f: PanelFixtures) => void = () => {}): Promise<Map<string, PanelView>> {
  const d = dashboard(uid);
  const fixtures = readJson<PanelFixtures>(join(FIXTURES, 'prometheus', `${uid}.json`));
  edit(fixtures);
  const out = new Map<string, PanelView>();
  for (const panel of d.panels.filter((p) => p.type !== 'row')) {
    const targets = (panel.targets ?? []) as unknown as TargetJson[];
    const jaeger = targets.some((t) => t.queryType === 'search');
    const answers = jaeger ? JAEGER_ANSWERS : fixtures.panels[panel.title];
    assert.ok(answers, `${uid}: no fixture answers for panel "${panel.title}" in fixtures/prometheus/${uid}.json`);
    out.set(panel.title, await judgePanel(structuredClone(panel), panelFrames(targets, answers, 60_000)));
  }
  return out;
}

test('every panel of every dashboard runs through Grafana without a finding', async () => {
  assert.deepEqual(DASHBOARDS.sort(), ['ktrdr-operations', 'ktrdr-system-overview', 'ktrdr-worker-status']);
  const findings: string[] = [];
  for (const uid of DASHBOARDS) {
    for (const view of (await views(uid)).values()) {
      findings.push(...view.findings.map((f) => `${uid} / ${view.title}: ${f}`));
      const shown = view.rows?.length ?? view.values?.length ?? view.series?.length ?? 0;
      if (view.type !== 'text' && view.type !== 'traces') {
        assert.ok(shown > 0, `${uid} / ${view.title} shows nothing: ${JSON.stringify(view)}`);
      }
    }
  }
  assert.deepEqual(findings, []);
});

test('worker status: 4 registered workers, and worker health lists four workers UP', async () => {
  const v = await views('ktrdr-worker-status');
  assert.deepEqual(v.get('Registered workers')!.values, [
    { title: 'all', text: '4' },
    { title: 'backtesting', text: '2' },
    { title: 'training', text: '2' },
  ]);
  const health = v.get('Worker health')!;
  assert.deepEqual(health.columns, ['Worker', 'Type', 'Environment', 'Up', 'Up since']);
  assert.deepEqual(
    health.rows!.map((r) => r.slice(0, 4)),
    [
      ['ktrdr-backtest-worker-1', 'backtesting', 'dev', 'UP'],
      ['ktrdr-backtest-worker-2', 'backtesting', 'dev', 'UP'],
      ['ktrdr-training-worker-1', 'training', 'dev', 'UP'],
      ['ktrdr-training-worker-2', 'training', 'dev', 'UP'],
    ]
  );
  assert.equal(health.rows![0][4], '2025-12-05 23:00:00');
});

test('system overview: the error rate shows as a percentage, service health as UP', async () => {
  const v = await views('ktrdr-system-overview');
  assert.deepEqual(v.get('Error rate')!.series, [{ name: '5xx share', points: 5, last: '23.5%', max: '31%' }]);
  assert.deepEqual(
    v.get('Service health')!.values!.map((x) => `${x.title}=${x.text}`),
    ['ktrdr-backend=UP', 'ktrdr-backtest-worker-1=UP', 'ktrdr-backtest-worker-2=UP', 'ktrdr-training-worker-1=UP', 'ktrdr-training-worker-2=UP']
  );
});

test('worker health shows a worker whose up is 0 as DOWN', async () => {
  const v = await views('ktrdr-worker-status', (f) => {
    const answer = f.panels['Worker health'].A as { data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
    answer.data.result.find((s) => s.metric.service === 'ktrdr-training-worker-2')!.value[1] = '0';
  });
  assert.deepEqual(
    v.get('Worker health')!.rows!.map((r) => `${r[0]}=${r[3]}`),
    ['ktrdr-backtest-worker-1=UP', 'ktrdr-backtest-worker-2=UP', 'ktrdr-training-worker-1=UP', 'ktrdr-training-worker-2=DOWN']
  );
});

test('a unit id outside @grafana/data\'s registry is a finding; registered and prefixed ones are not', async () => {
  const { isKnownUnit } = await import('../src/panels');
  for (const unit of ['none', 'percentunit', 'reqps', 'opm', 'bytes', 'ms', 's', 'dateTimeAsIso', 'dateTimeFromNow', 'µs', 'suffix: ops']) {
    assert.equal(isKnownUnit(unit), true, unit);
  }
  for (const unit of ['percent_unit', 'requests/s', 'seconds']) assert.equal(isKnownUnit(unit), false, unit);
});
