// The module's build as Maven runs it, step by step with the time each takes:
//   node scripts/build.mjs build   npm ci (only when package.json, package-lock.json or excluded/ changed
//                                  since the last one), the licence check, the schema check's source,
//                                  tsc, esbuild
//   node scripts/build.mjs test    the Node tests
// Each prints one line with its figures, e.g. "grafana-frontend build: 9.8 s (npm ci skipped 0.0 s, ...)".
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const figures = [];

function step(name, run) {
  const started = Date.now();
  const note = run() ?? '';
  figures.push(`${name}${note ? ` ${note}` : ''} ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function sh(command, args) {
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
}

/** What npm ci installs from: the manifests and the stand-ins. */
function installInputs() {
  const hash = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(root, f)));
  for (const dir of readdirSync(join(root, 'excluded')).sort()) {
    for (const f of readdirSync(join(root, 'excluded', dir)).sort()) hash.update(readFileSync(join(root, 'excluded', dir, f)));
  }
  return hash.digest('hex');
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`grafana-frontend needs Node 20 or newer; ${process.execPath} is ${process.version}`);
  process.exit(2);
}

const command = process.argv[2];
const started = Date.now();
if (command === 'build') {
  step('npm ci', () => {
    const marker = join(root, 'node_modules', '.installed-from');
    const inputs = installInputs();
    if (existsSync(marker) && readFileSync(marker, 'utf8') === inputs) return '(lockfile unchanged, skipped)';
    sh(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
    writeFileSync(marker, inputs);
    return undefined;
  });
  step('licences', () => sh(process.execPath, ['scripts/check-licences.mjs']));
  step('schema check source', () => sh(process.execPath, ['scripts/generate-schema-check.mjs']));
  step('tsc', () => sh(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']));
  step('esbuild', () => sh(process.execPath, ['scripts/bundle.mjs']));
} else if (command === 'test') {
  step('node tests', () => sh(process.execPath, ['--test', '--test-reporter=spec', 'dist/test/']));
} else {
  console.error('usage: node scripts/build.mjs build|test');
  process.exit(2);
}
console.log(`grafana-frontend ${command}: ${((Date.now() - started) / 1000).toFixed(1)} s (${figures.join(', ')})`);
