import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: a plain ES module of the build, without type declarations
import { allowed, check } from '../scripts/licences.mjs';

test('licence expressions pass only with an allowed licence on every AND and some OR', () => {
  for (const ok of ['MIT', 'Apache-2.0', 'ISC', 'BSD-3-Clause', '0BSD', '(MPL-2.0 OR Apache-2.0)', 'MIT AND BSD-3-Clause']) {
    assert.equal(allowed(ok), true, ok);
  }
  for (const refused of ['Unlicense', 'CC0-1.0', 'BlueOak-1.0.0', '(MIT AND Zlib)', 'AGPL-3.0-only', 'MPL-2.0']) {
    assert.equal(allowed(refused), false, refused);
  }
});

test('a package under another licence, or under none, is refused', () => {
  const modules = mkdtempSync(join(tmpdir(), 'licences-'));
  const pkg = (name: string, manifest: object) => {
    mkdirSync(join(modules, name), { recursive: true });
    writeFileSync(join(modules, name, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...manifest }));
  };
  pkg('fine', { license: 'MIT' });
  pkg('public-domain', { license: 'CC0-1.0' });
  pkg('@scope/silent', {});
  const { refused, byLicence } = check(modules);
  assert.equal(byLicence.get('MIT'), 1);
  assert.deepEqual(
    refused.map((r: string) => r.split(' at ')[0]).sort(),
    ['@scope/silent@1.0.0 (no licence field)', 'public-domain@1.0.0 (CC0-1.0)']
  );
});
