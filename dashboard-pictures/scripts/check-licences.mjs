// Fails the build when any installed package is under a licence other than Apache-2.0, MIT, ISC or a
// BSD licence; prints one line per licence with its package count. The rule is grafana-frontend's
// (scripts/licences.mjs, allowed()); the packages replaced under excluded/ hold none of the replaced
// package's code (README) and are listed apart.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { allowed } from '../../grafana-frontend/scripts/licences.mjs';

const root = resolve(import.meta.dirname, '..');
const excludedDir = join(root, 'excluded');
const nodeModules = join(root, 'node_modules');

function licenceOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  return null;
}

function* packageDirs(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) for (const scoped of readdirSync(join(dir, name))) yield join(dir, name, scoped);
    else yield join(dir, name);
  }
}

if (!existsSync(nodeModules)) {
  console.error(`licence check: ${nodeModules} is missing; run npm ci first`);
  process.exit(2);
}
const byLicence = new Map();
const excluded = [];
const refused = [];
const seen = new Set();
const walk = (dir) => {
  for (const pkgDir of packageDirs(dir)) {
    const manifest = join(pkgDir, 'package.json');
    if (!existsSync(manifest)) continue;
    const real = realpathSync(pkgDir);
    if (seen.has(real)) continue;
    seen.add(real);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    if (pkg.ktrdrExcluded && real.startsWith(excludedDir)) {
      excluded.push(`${pkg.ktrdrExcluded.package} (${pkg.ktrdrExcluded.licence})`);
    } else {
      const licence = licenceOf(pkg);
      if (licence === null || !allowed(licence)) refused.push(`${pkg.name}@${pkg.version} (${licence ?? 'no licence field'}) at ${relative(root, pkgDir)}`);
      byLicence.set(licence ?? 'none', (byLicence.get(licence ?? 'none') ?? 0) + 1);
    }
    walk(join(pkgDir, 'node_modules'));
  }
};
walk(nodeModules);
const total = [...byLicence.values()].reduce((a, b) => a + b, 0);
console.log(`licence check: ${total} installed packages`);
for (const [licence, count] of [...byLicence].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(4)}  ${licence}`);
console.log(`  replaced or left out by npm overrides (none of their code installed): ${excluded.sort().join(', ')}`);
if (refused.length > 0) {
  console.error(`licence check failed: ${refused.length} package(s) under a licence other than Apache-2.0, MIT, ISC, BSD:`);
  refused.forEach((r) => console.error(`  ${r}`));
  process.exit(1);
}
