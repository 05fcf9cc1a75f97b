// The viewer the judge stands in for: a browser with an en-US locale, in UTC. Node 20 has neither a
// global navigator (read by @grafana/data for the locale's date format) nor a window (read by
// transformDataFrame to tell a scenes dashboard, and listened on by @grafana/data's store) nor an
// IntersectionObserver (created by @grafana/scenes' lazy loader when its module loads; the judge
// renders nothing); this module is imported before @grafana/data and @grafana/scenes.
const g = globalThis as Record<string, unknown>;
if (g.navigator === undefined) {
  g.navigator = { language: 'en-US', languages: ['en-US'], userAgent: 'node' };
}
if (g.window === undefined) {
  // Grafana 13 renders dashboards with scenes, which interpolates transformation options itself.
  g.window = Object.assign(new EventTarget(), { __grafanaSceneContext: {} });
}
if (g.IntersectionObserver === undefined) {
  g.IntersectionObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
export const VIEWER_TIME_ZONE = 'utc';
