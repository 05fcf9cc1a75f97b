// Fails the build when any package installed in a project (this one, or the folder given as the
// argument: dashboard-pictures) is under a licence other than Apache-2.0, MIT, ISC or a BSD
// licence; prints one line per licence with its package count (the rule: licences.mjs).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check, root } from './licences.mjs';

const project = process.argv[2] ? resolve(process.argv[2]) : root;
const nodeModules = join(project, 'node_modules');
if (!existsSync(nodeModules)) {
  console.error(`licence check: ${nodeModules} is missing; run npm ci first`);
  process.exit(2);
}
const { byLicence, excluded, refused } = check(nodeModules, project);
const total = [...byLicence.values()].reduce((a, b) => a + b, 0);
console.log(`licence check: ${total} installed packages`);
for (const [licence, count] of [...byLicence].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${String(count).padStart(4)}  ${licence}`);
}
console.log(`  left out by npm overrides (stand-ins without their code): ${excluded.sort().join(', ')}`);
if (refused.length > 0) {
  console.error(`licence check failed: ${refused.length} package(s) under a licence other than Apache-2.0, MIT, ISC, BSD:`);
  refused.forEach((r) => console.error(`  ${r}`));
  process.exit(1);
}
