// @grafana/ui's .mjs files import the CommonJS package react-custom-scrollbars-2 by default import; for an
// .mjs importer esbuild follows Node's rules and hands back the module object, not its default export,
// and CustomScrollbar fails (React error #130). This module, imported in its place, re-exports the
// component itself.
import * as scrollbars from 'react-custom-scrollbars-2';

const mod = scrollbars as unknown as { default?: { default?: unknown; Scrollbars?: unknown } & object; Scrollbars?: unknown };
const Scrollbars = (mod.default?.Scrollbars ?? mod.default?.default ?? mod.Scrollbars ?? mod.default) as never;
export default Scrollbars;
export { Scrollbars };
