// @typescript-eslint/utils (MIT) is not installed because it brings eslint and minimatch (BlueOak-1.0.0).
// @grafana/i18n uses it only in its ESLint plugin, so the judge never loads it; if it ever does, it fails here.
throw new Error('@typescript-eslint/utils is not installed (its dependencies are under BlueOak-1.0.0); the code path that needs it is outside what the judge runs');
