import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type InterpolationRequest, type VariableJson, interpolate } from '../src/interpolation';

const service: VariableJson = { name: 'service', type: 'query', multi: true, includeAll: true, allValue: '.*', current: { value: ['$__all'] } };
const type: VariableJson = { name: 'type', type: 'custom', multi: true, includeAll: true, current: { value: ['$__all'] } };
const job: VariableJson = { name: 'job', type: 'custom', current: { value: 'ktrdr-backend' } };

function run(selection: Record<string, string[]>, prometheus: string[], text: string[] = [], escaping: InterpolationRequest['escaping'] = 'classic') {
  return interpolate({
    variables: [service, type, job],
    options: { service: ['backend', 'backtest-worker-1'], type: ['data_load', 'training'], job: ['ktrdr-backend', 'ktrdr-workers'] },
    selection,
    escaping,
    prometheus,
    text,
  });
}

test('scenes: All takes the allValue, else every option; one value is regex-escaped; two become a group', () => {
  assert.deepEqual(run({}, ['up{s=~"$service"}', 'x{t=~"$type"}']).prometheus, ['up{s=~".*"}', 'x{t=~"(data_load|training)"}']);
  assert.deepEqual(run({ service: ['worker.1'] }, ['$service']).prometheus, ['worker\\\\.1']);
  assert.deepEqual(run({ service: ['a', 'b.c'] }, ['$service', '${service:regex}', '${service:pipe}']).prometheus, [
    '(a|b\\\\.c)',
    '(a|b\\.c)',
    'a|b.c',
  ]);
});

test('scenes: quotes escaped as Grafana 13.2 does in either mode of prometheusSpecialCharsInLabelValues', () => {
  const value = { service: [`it's "x"`], job: [`o'k "y"`] };
  assert.deepEqual(run(value, ['$service', '$job']).prometheus, [`it's "x"`, `o\\\\'k "y"`]);
  assert.deepEqual(run(value, ['$service', '$job'], [], 'specialCharsInLabelValues').prometheus, [
    `it\\\\'s \\\\\\"x\\\\\\"`,
    `o'k \\"y\\"`,
  ]);
});

test('scenes: text fields and built-ins', () => {
  assert.deepEqual(run({ job: ['ktrdr-workers'] }, ['rate(x[$__rate_interval]) $job ${job} [[job]]']).prometheus, [
    'rate(x[$__rate_interval]) ktrdr-workers ktrdr-workers ktrdr-workers',
  ]);
  assert.deepEqual(run({ service: ['a', 'b'] }, [], ['$service', '$job']).text, ['{a,b}', 'ktrdr-backend']);
});
