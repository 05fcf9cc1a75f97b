// esbuild: src/page.tsx (with grafana-frontend's frame and registry code, imported from its sources)
// into dist/picture.js; the page, its style sheet and @grafana/ui's icons beside it. Everything is
// served by the Java side from dist/ on 127.0.0.1.
import { cpSync, copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const frontendSources = resolve(root, '..', 'grafana-frontend', 'src') + sep;
const scrollbarsShim = join(root, 'src', 'stand-ins', 'custom-scrollbars.ts');
const notBundled = join(root, 'src', 'stand-ins', 'not-bundled.cjs');
const grafanaUi = join(root, 'node_modules', '@grafana', 'ui');

/** Packages imported from grafana-frontend's sources resolve here, so one copy of @grafana/data runs. */
const oneCopy = {
  name: 'one-copy',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (!args.importer.startsWith(frontendSources) || args.pluginData === 'one-copy') return undefined;
      return b.resolve(args.path, { kind: args.kind, resolveDir: root, pluginData: 'one-copy' });
    });
  },
};

const standIns = {
  name: 'stand-ins',
  setup(b) {
    b.onResolve({ filter: /^react-custom-scrollbars-2$/ }, async (args) => {
      if (args.pluginData === 'shim') return undefined;
      if (args.importer === scrollbarsShim) {
        return b.resolve(args.path, { kind: args.kind, resolveDir: grafanaUi, pluginData: 'shim' });
      }
      return { path: scrollbarsShim };
    });
    b.onResolve({ filter: /^(monaco-editor|@monaco-editor\/react|ol)(\/.*)?$/ }, () => ({ path: notBundled }));
  },
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const result = await build({
  entryPoints: [join(root, 'src', 'page.tsx')],
  outfile: join(dist, 'picture.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome120',
  jsx: 'automatic',
  minify: process.env.PICTURES_DEV !== '1',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': process.env.PICTURES_DEV === '1' ? '"development"' : '"production"' },
  plugins: [oneCopy, standIns],
});
if (result.errors.length > 0) process.exit(1);
copyFileSync(join(root, 'src', 'index.html'), join(dist, 'index.html'));
copyFileSync(join(root, 'src', 'picture.css'), join(dist, 'picture.css'));
// uPlot's own style sheet (Grafana's app loads it with its styles): without it the plot's layers stack.
copyFileSync(join(root, 'node_modules', 'uplot', 'dist', 'uPlot.min.css'), join(dist, 'uPlot.min.css'));
// Grafana's icons, fetched by @grafana/ui's Icon from public/build/img/icons/<set>/<name>.svg.
const icons = join(dist, 'public', 'build', 'img', 'icons');
mkdirSync(dirname(icons), { recursive: true });
cpSync(join(grafanaUi, 'dist', 'public', 'img', 'icons'), icons, { recursive: true });
console.log(`dist/picture.js: ${(statSync(join(dist, 'picture.js')).size / 1024).toFixed(0)} KB`);
