// The licence rule of the build, run by check-licences.mjs: an installed package passes under
// Apache-2.0, MIT, ISC or a BSD licence (BSD-2-Clause, BSD-3-Clause, 0BSD); an SPDX expression passes
// when "OR" offers an allowed licence and every "AND" part is allowed. The stand-ins under excluded/
// hold no code of the packages they replace (README) and are listed apart.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** This project's folder; a project's excluded/ holds its stand-ins. */
export const root = resolve(import.meta.dirname, '..');

const ALLOWED = new Set(['Apache-2.0', 'MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD']);

/** @param {string} expression an SPDX licence expression */
export function allowed(expression) {
  const text = expression.trim();
  if (text.startsWith('(') && text.endsWith(')') && balanced(text.slice(1, -1))) {
    return allowed(text.slice(1, -1));
  }
  const or = splitTopLevel(text, ' OR ');
  if (or.length > 1) return or.some(allowed);
  const and = splitTopLevel(text, ' AND ');
  if (and.length > 1) return and.every(allowed);
  return ALLOWED.has(text);
}

function balanced(text) {
  let depth = 0;
  for (const c of text) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function licenceOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  return null;
}

function* packageDirs(nodeModules) {
  if (!existsSync(nodeModules)) return;
  for (const name of readdirSync(nodeModules)) {
    if (name.startsWith('.')) continue;
    const dir = join(nodeModules, name);
    if (name.startsWith('@')) {
      for (const scoped of readdirSync(dir)) yield join(dir, scoped);
    } else {
      yield dir;
    }
  }
}

/**
 * @param {string} nodeModules the node_modules folder to walk
 * @param {string} project the folder whose excluded/ holds the stand-ins and that paths are named from
 */
export function check(nodeModules, project = root) {
  const excludedDir = join(project, 'excluded');
  const byLicence = new Map();
  const excluded = [];
  const refused = [];
  const seen = new Set();
  const walk = (modulesDir) => {
    for (const dir of packageDirs(modulesDir)) {
      const manifest = join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const real = realpathSync(dir);
      if (seen.has(real)) continue;
      seen.add(real);
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      const id = `${pkg.name}@${pkg.version}`;
      if (pkg.ktrdrExcluded && real.startsWith(excludedDir)) {
        excluded.push(`${pkg.ktrdrExcluded.package} (${pkg.ktrdrExcluded.licence})`);
      } else {
        const licence = licenceOf(pkg);
        if (licence === null || !allowed(licence)) {
          refused.push(`${id} (${licence ?? 'no licence field'}) at ${relative(project, dir)}`);
        }
        const key = licence ?? 'none';
        byLicence.set(key, (byLicence.get(key) ?? 0) + 1);
      }
      walk(join(dir, 'node_modules'));
    }
  };
  walk(nodeModules);
  return { byLicence, excluded, refused };
}

