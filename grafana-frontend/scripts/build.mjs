// The module's build as Maven runs it, step by step with the time each takes:
//   node scripts/build.mjs build   npm ci (only when package.json, package-lock.json or excluded/ changed
//                                  since the last one), the licence check, the schema check's source,
//                                  tsc, esbuild; these four only when their inputs (below) or dist/
//                                  changed since the last build that passed
//   node scripts/build.mjs test    the Node tests
// Each prints one line with its figures, e.g. "grafana-frontend build: 9.8 s (npm ci skipped 0.0 s, ...)".
import { resolve } from 'node:path';
import { buildSteps } from './build-steps.mjs';

const { step, sh, npmCi, unlessUnchanged, summary } = buildSteps(resolve(import.meta.dirname, '..'));

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`grafana-frontend needs Node 20 or newer; ${process.execPath} is ${process.version}`);
  process.exit(2);
}

/**
 * Everything the steps after npm ci read: node_modules through the marker npm ci leaves (it changes
 * whenever npm ci runs), the sources, the tests (bundled and type-checked), the scripts, the
 * compiler settings and the generated dashboards the schema check types.
 */
const buildInputs = {
  inputs: ['node_modules/.installed-from', 'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'test', 'scripts',
    '../monitoring/grafana/dashboards'],
  extra: [`node ${process.version}`],
  outputs: ['dist', 'target/generated'],
};

const command = process.argv[2];
if (command === 'build') {
  npmCi();
  unlessUnchanged('licences, schema check source, tsc, esbuild', buildInputs, () => {
    step('licences', () => sh(process.execPath, ['scripts/check-licences.mjs']));
    step('schema check source', () => sh(process.execPath, ['scripts/generate-schema-check.mjs']));
    step('tsc', () => sh(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']));
    step('esbuild', () => sh(process.execPath, ['scripts/bundle.mjs']));
  });
} else if (command === 'test') {
  step('node tests', () => sh(process.execPath, ['--test', '--test-reporter=spec', 'dist/test/']));
} else {
  console.error('usage: node scripts/build.mjs build|test');
  process.exit(2);
}
console.log(summary(`grafana-frontend ${command}`));
