// The viewer the judge stands in for: a browser with an en-US locale, in UTC. Node 20 has neither a
// global navigator (read by @grafana/data for the locale's date format) nor a window (read by
// transformDataFrame to tell a scenes dashboard); this module is imported before @grafana/data.
const g = globalThis as Record<string, unknown>;
if (g.navigator === undefined) {
  g.navigator = { language: 'en-US', languages: ['en-US'], userAgent: 'node' };
}
if (g.window === undefined) {
  // Grafana 13 renders dashboards with scenes, which interpolates transformation options itself.
  g.window = { __grafanaSceneContext: {} };
}
export const VIEWER_TIME_ZONE = 'utc';
