// The steps of a front-end module's build, shared by grafana-frontend and dashboard-pictures: each
// step timed, commands run in the module's folder, npm ci only when what it installs from changed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Build steps run in the module at `root`; `summary(name)` is one line with each step's time. */
export function buildSteps(root) {
  const started = Date.now();
  const figures = [];

  function step(name, run) {
    const stepStarted = Date.now();
    const note = run() ?? '';
    figures.push(`${name}${note ? ` ${note}` : ''} ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
  }

  function sh(command, args) {
    execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  }

  /** What npm ci installs from: the manifests and the stand-ins under excluded/. */
  function installInputs() {
    const hash = createHash('sha256');
    for (const f of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(root, f)));
    for (const dir of readdirSync(join(root, 'excluded')).sort()) {
      for (const f of readdirSync(join(root, 'excluded', dir)).sort()) hash.update(readFileSync(join(root, 'excluded', dir, f)));
    }
    return hash.digest('hex');
  }

  /** npm ci, skipped while the manifests and stand-ins are those of the last install. */
  function npmCi() {
    step('npm ci', () => {
      const marker = join(root, 'node_modules', '.installed-from');
      const inputs = installInputs();
      if (existsSync(marker) && readFileSync(marker, 'utf8') === inputs) return '(lockfile unchanged, skipped)';
      sh(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
      writeFileSync(marker, inputs);
      return undefined;
    });
  }

  function summary(name) {
    return `${name}: ${((Date.now() - started) / 1000).toFixed(1)} s (${figures.join(', ')})`;
  }

  return { step, sh, npmCi, summary };
}
