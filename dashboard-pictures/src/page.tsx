// The picture page: reads picture.json (a dashboard's JSON and the raw Prometheus and Jaeger answers of
// each of its panels), lays the panels out on Grafana's grid in the dark theme, draws each in
// PanelChrome with @grafana/ui's components, and reports per panel how it went: on the panel's element
// (data-render-status = drawn | no-data | error) and by POST /report to the server that served the page.
import '../../grafana-frontend/src/viewer';
import { type DataFrame, type FieldConfigSource, ThemeContext } from '@grafana/data';
import { GlobalStyles, PanelChrome } from '@grafana/ui';
import { Component, type ReactNode, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { type Answer } from '../../grafana-frontend/src/frames';
import { darkTheme } from '../../grafana-frontend/src/grafana';
import { type Drawing, Visualisation, drawingOf, hasData } from './draw';
import { HEADER_HEIGHT, PAGE_PADDING, panelRect, pageHeight } from './layout';
import { type PanelJson, preparePanel, withDefaults } from './prepare';

/** What the server hands the page (DashboardPicture on the Java side writes it). */
interface PictureRequest {
  dashboard: { uid: string; title: string; panels: PanelJson[] };
  /** Raw answers by panel title, then by refId. */
  answers: Record<string, Record<string, Answer>>;
  /** Query step by panel title, in ms. */
  stepMs: Record<string, number>;
  from: number;
  to: number;
  width: number;
  /** The line under the title: where the data came from. */
  caption: string;
}

type Status = 'drawn' | 'no-data' | 'error';
interface PanelReport {
  id: number;
  title: string;
  type: string;
  drawnBy: string;
  nearest: string | null;
  status: Status;
  message: string | null;
  rect: { x: number; y: number; width: number; height: number };
}

interface Prepared {
  panel: PanelJson;
  drawing: Drawing;
  frames: DataFrame[];
  fieldConfig: FieldConfigSource;
  status: Status;
  message: string | null;
}

/** The visible panels, rows included, with the panels of collapsed rows left out as Grafana does. */
function visiblePanels(panels: PanelJson[]): PanelJson[] {
  return panels.filter((p) => p.gridPos);
}

async function prepare(request: PictureRequest, panel: PanelJson): Promise<Prepared> {
  const drawing = drawingOf(panel.type);
  const fieldConfig = withDefaults(panel.fieldConfig, drawing.fieldConfig, drawing.stepped ?? false);
  const answers = request.answers[panel.title];
  if (!answers) {
    return { panel, drawing, frames: [], fieldConfig, status: 'error', message: `no answers for panel "${panel.title}"` };
  }
  try {
    const frames = await preparePanel(panel, answers, request.stepMs[panel.title] ?? 15_000, fieldConfig);
    return { panel, drawing, frames, fieldConfig, status: hasData(frames) ? 'drawn' : 'no-data', message: null };
  } catch (e) {
    return { panel, drawing, frames: [], fieldConfig, status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

/** Catches a component that throws while drawing, so that one panel's failure shows as an error box. */
class PanelBoundary extends Component<{ onError: (message: string) => void; children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error instanceof Error ? error.message : String(error));
  }
  override render() {
    if (this.state.error) return <div className="picture-error">Panel error: {this.state.error}</div>;
    return this.props.children;
  }
}

function NearestNote({ text }: { text: string }) {
  return (
    <span className="picture-nearest" title="This panel type's own visualisation is a Grafana plugin, not part of @grafana/ui">
      {text}
    </span>
  );
}

function Row({ panel, width }: { panel: PanelJson; width: number }) {
  const r = panelRect(panel.gridPos, width);
  return (
    <div className="picture-row" style={{ left: r.left, top: r.top, width: r.width, height: r.height }} data-row-title={panel.title}>
      <span className="picture-row-chevron">⌄</span>
      {panel.title}
    </div>
  );
}

function PanelView({ item, width, from, to, onError }: { item: Prepared; width: number; from: number; to: number; onError: (m: string) => void }) {
  const r = panelRect(item.panel.gridPos, width);
  const { panel, drawing } = item;
  return (
    <div
      className="picture-panel"
      style={{ left: r.left, top: r.top, width: r.width, height: r.height }}
      data-panel-id={panel.id}
      data-panel-title={panel.title}
      data-panel-type={panel.type}
      data-drawn-by={drawing.component}
      data-render-status={item.status}
    >
      <PanelChrome
        width={r.width}
        height={r.height}
        title={panel.title}
        description={panel.description}
        titleItems={drawing.nearest ? <NearestNote text={drawing.nearest} /> : undefined}
        statusMessage={item.status === 'error' ? (item.message ?? 'error') : undefined}
      >
        {(innerWidth, innerHeight) => {
          if (item.status === 'error') return <div className="picture-error">Panel error: {item.message}</div>;
          if (item.status === 'no-data') return <div className="picture-no-data">No data</div>;
          return (
            <PanelBoundary onError={onError}>
              <Visualisation
                panel={panel}
                drawing={drawing}
                frames={item.frames}
                fieldConfig={item.fieldConfig}
                width={innerWidth}
                height={innerHeight}
                from={from}
                to={to}
              />
            </PanelBoundary>
          );
        }}
      </PanelChrome>
    </div>
  );
}

function report(request: PictureRequest, items: Prepared[]): void {
  const panels: PanelReport[] = items.map((item) => {
    const el = document.querySelector(`[data-panel-id="${item.panel.id}"]`);
    const box = el?.getBoundingClientRect();
    const shownError = el?.querySelector('.picture-error');
    const status = (el?.getAttribute('data-render-status') as Status | null) ?? 'error';
    return {
      id: item.panel.id,
      title: item.panel.title,
      type: item.panel.type,
      drawnBy: item.drawing.component,
      nearest: item.drawing.nearest ?? null,
      status: shownError && status === 'drawn' ? 'error' : status,
      message: item.message ?? (shownError ? shownError.textContent : null),
      rect: { x: box?.x ?? 0, y: box?.y ?? 0, width: box?.width ?? 0, height: box?.height ?? 0 },
    };
  });
  document.body.setAttribute('data-picture-ready', 'true');
  void fetch('report', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ uid: request.dashboard.uid, pageHeight: document.documentElement.scrollHeight, panels }),
  });
}

function Dashboard({ request, items }: { request: PictureRequest; items: Prepared[] }) {
  const [, setErrors] = useState(0);
  useEffect(() => {
    // uPlot and the tables lay out in effects and resize observers: report once they have.
    const timer = setTimeout(() => requestAnimationFrame(() => report(request, items)), 1500);
    return () => clearTimeout(timer);
  }, [request, items]);
  const onError = (item: Prepared) => (message: string) => {
    item.status = 'error';
    item.message = message;
    document.querySelector(`[data-panel-id="${item.panel.id}"]`)?.setAttribute('data-render-status', 'error');
    setErrors((n) => n + 1);
  };
  const all = visiblePanels(request.dashboard.panels);
  const height = pageHeight(all.map((p) => p.gridPos));
  const range = `${new Date(request.from).toISOString().slice(0, 16).replace('T', ' ')} to ${new Date(request.to).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return (
    <div className="picture-page" style={{ width: request.width, height }}>
      <div className="picture-header" style={{ left: PAGE_PADDING, top: 12, width: request.width - 2 * PAGE_PADDING, height: HEADER_HEIGHT - 20 }}>
        <div className="picture-title">{request.dashboard.title}</div>
        <div className="picture-caption">
          {request.caption} · {range}
        </div>
      </div>
      {all.filter((p) => p.type === 'row').map((p) => <Row key={p.id} panel={p} width={request.width} />)}
      {items.map((item) => (
        <PanelView key={item.panel.id} item={item} width={request.width} from={request.from} to={request.to} onError={onError(item)} />
      ))}
    </div>
  );
}

async function main(): Promise<void> {
  const response = await fetch('picture.json');
  if (!response.ok) throw new Error(`picture.json: HTTP ${response.status}`);
  const request = (await response.json()) as PictureRequest;
  document.title = request.dashboard.title;
  const panels = visiblePanels(request.dashboard.panels).filter((p) => p.type !== 'row');
  const items = await Promise.all(panels.map((p) => prepare(request, p)));
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  createRoot(root).render(
    <StrictMode>
      <ThemeContext.Provider value={darkTheme()}>
        <GlobalStyles />
        <Dashboard request={request} items={items} />
      </ThemeContext.Provider>
    </StrictMode>
  );
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  document.body.setAttribute('data-picture-ready', 'failed');
  document.body.textContent = `picture failed: ${message}`;
  void fetch('report', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ failed: message }) });
});
