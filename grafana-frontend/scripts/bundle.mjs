// Bundles the entry point and each test with @grafana/data into self-contained ES modules for Node.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tests = readdirSync(join(root, 'test'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join(root, 'test', f));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  // Bundled CommonJS packages may require Node's own modules.
  // @grafana/scenes' peers that are not installed (.npmrc): stand-ins that throw if used (src/standins/).
  alias: {
    '@grafana/runtime': join(root, 'src/standins/grafana-runtime.ts'),
    '@grafana/ui': join(root, 'src/standins/grafana-ui.ts'),
    '@grafana/e2e-selectors': join(root, 'src/standins/e2e-selectors.ts'),
    'react-router-dom': join(root, 'src/standins/react-router-dom.ts'),
  },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

const started = Date.now();
rmSync(join(root, 'dist'), { recursive: true, force: true });
// One build for the entry point and the tests: @grafana/data and @grafana/scenes go into shared chunks
// once instead of into every test.
await build({
  ...common,
  entryPoints: { judge: join(root, 'src/main.ts'), ...Object.fromEntries(tests.map((t) => [`test/${basename(t, '.ts')}`, t])) },
  outdir: join(root, 'dist'),
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
console.log(`bundle: dist/judge.mjs and ${tests.length} test files in ${Date.now() - started} ms`);
