// The steps of a front-end module's build, shared by grafana-frontend and dashboard-pictures: each
// step timed, commands run in the module's folder, npm ci only when what it installs from changed,
// and the steps after it only when their inputs or their outputs changed since the last build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

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
      // --prefer-offline: a package already in npm's cache with the lockfile's integrity hash is taken
      // from there without asking the registry whether it changed (a pinned version cannot).
      sh(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
      writeFileSync(marker, inputs);
      return undefined;
    });
  }

  /**
   * Runs `steps` (a function running the build's steps after npm ci) unless the last build that
   * finished had the same inputs and left the same outputs: `inputs` lists files and folders (every
   * file under a folder counts, by path and content; a missing one counts as missing), `extra`
   * strings that also decide the result (Node's version, an environment variable), `outputs` what
   * the steps write. The record is target/build-inputs.json, written only once every step passed:
   * `mvn clean` (or deleting it) makes the next build run every step.
   */
  function unlessUnchanged(name, { inputs, extra = [], outputs }, steps) {
    const checkStarted = Date.now();
    const record = join(root, 'target', 'build-inputs.json');
    const inputHash = hashOf(inputs, extra);
    let last = null;
    try {
      last = JSON.parse(readFileSync(record, 'utf8'));
    } catch {
      // No record (first build, after a clean) or an unreadable one: build.
    }
    if (last && last.inputs === inputHash && last.outputs === hashOf(outputs, [])) {
      const seconds = ((Date.now() - checkStarted) / 1000).toFixed(1);
      figures.push(`${name} (inputs and outputs unchanged since the last build, skipped) ${seconds} s`);
      return;
    }
    rmSync(record, { force: true });
    steps();
    mkdirSync(dirname(record), { recursive: true });
    writeFileSync(record, `${JSON.stringify({ inputs: inputHash, outputs: hashOf(outputs, []) }, null, 2)}\n`);
  }

  /** One hash over the paths (relative to the module) and contents of every file under `paths`, and `extra`. */
  function hashOf(paths, extra) {
    const hash = createHash('sha256');
    const add = (path) => {
      const rel = relative(root, path);
      if (!existsSync(path)) {
        hash.update(`missing ${rel}\n`);
        return;
      }
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        for (const entry of readdirSync(path).sort()) add(join(path, entry));
      } else if (stat.isFile()) {
        hash.update(`file ${rel} ${stat.size}\n`);
        hash.update(readFileSync(path));
      }
    };
    for (const path of paths) add(resolve(root, path));
    for (const value of extra) hash.update(`extra ${value}\n`);
    return hash.digest('hex');
  }

  function summary(name) {
    return `${name}: ${((Date.now() - started) / 1000).toFixed(1)} s (${figures.join(', ')})`;
  }

  return { step, sh, npmCi, unlessUnchanged, summary };
}
