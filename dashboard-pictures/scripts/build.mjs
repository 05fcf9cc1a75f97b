// The module's build as Maven runs it (node scripts/build.mjs build), step by step with the time each
// takes: npm ci (only when package.json, package-lock.json or excluded/ changed since the last one), the
// licence check, tsc, esbuild. Prints one line with its figures, e.g.
// "dashboard-pictures build: 14.2 s (npm ci (lockfile unchanged, skipped) 0.0 s, licences 0.2 s, ...)".
import { resolve } from 'node:path';
import { buildSteps } from '../../grafana-frontend/scripts/build-steps.mjs';

const { step, sh, npmCi, summary } = buildSteps(resolve(import.meta.dirname, '..'));

if (process.argv[2] !== 'build') {
  console.error('usage: node scripts/build.mjs build');
  process.exit(2);
}
npmCi();
step('licences', () => sh(process.execPath, ['scripts/check-licences.mjs']));
step('tsc', () => sh(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']));
step('esbuild', () => sh(process.execPath, ['scripts/bundle.mjs']));
console.log(summary('dashboard-pictures build'));
