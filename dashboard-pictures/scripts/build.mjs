// The module's build as Maven runs it (node scripts/build.mjs build), step by step with the time each
// takes: npm ci (only when package.json, package-lock.json or excluded/ changed since the last one), the
// licence check, tsc, esbuild; these three only when their inputs (below) or dist/ changed since the
// last build that passed. Prints one line with its figures, e.g.
// "dashboard-pictures build: 14.2 s (npm ci (lockfile unchanged, skipped) 0.0 s, licences 0.2 s, ...)".
import { resolve } from 'node:path';
import { buildSteps } from '../../grafana-frontend/scripts/build-steps.mjs';

const { step, sh, npmCi, unlessUnchanged, summary } = buildSteps(resolve(import.meta.dirname, '..'));

if (process.argv[2] !== 'build') {
  console.error('usage: node scripts/build.mjs build');
  process.exit(2);
}

/**
 * Everything the steps after npm ci read: node_modules through the marker npm ci leaves, the sources,
 * the scripts (and grafana-frontend's they import), the compiler settings, and grafana-frontend's
 * sources, which the page imports (with its node_modules, where the type checker may look for their
 * imports). PICTURES_DEV=1 builds the page unminified.
 */
const buildInputs = {
  inputs: ['node_modules/.installed-from', 'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'scripts',
    '../grafana-frontend/src', '../grafana-frontend/scripts', '../grafana-frontend/node_modules/.installed-from'],
  extra: [`node ${process.version}`, `PICTURES_DEV=${process.env.PICTURES_DEV ?? ''}`],
  outputs: ['dist'],
};

npmCi();
unlessUnchanged('licences, tsc, esbuild', buildInputs, () => {
  step('licences', () => sh(process.execPath, ['../grafana-frontend/scripts/check-licences.mjs', '.']));
  step('tsc', () => sh(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']));
  step('esbuild', () => sh(process.execPath, ['scripts/bundle.mjs']));
});
console.log(summary('dashboard-pictures build'));
