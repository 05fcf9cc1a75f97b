// The one entry point the Java side calls: a JSON request on stdin, a JSON answer on stdout.
//
//   {"command": "judge", "panels": [{"dashboardUid": "...", "panel": {...panel JSON...},
//     "answers": {"A": {...raw Prometheus or Jaeger answer...}}, "stepMs": 15000}]}
//   -> {"views": [{"dashboardUid": "...", "id": 2, "title": "...", "type": "stat",
//        "values": [{"title": "all", "text": "4"}], "findings": []}, ...]}
//
//   {"command": "interpolate", "cases": [{"variables": [...templating.list...], "options": {"env": ["a", "b"]},
//     "selection": {"env": ["$__all"]}, "escaping": "classic", "prometheus": ["up{env=~\"$env\"}"], "text": ["$env"]}]}
//   -> {"results": [{"prometheus": ["up{env=~\".*\"}"], "text": ["..."]}]}   (@grafana/scenes' interpolation)
//
// Errors go to stderr with a non-zero exit code; stdout then holds nothing.
//
// With --serve: one request a line on stdin, its answer a line on stdout, until stdin ends, so that a
// caller judging many times pays Node's start (about a second on two busy cores) once; a request that
// fails is answered {"error": "..."} and the next one is read.
import { createInterface } from 'node:readline';
import './viewer';
import { type Answer, type TargetJson, panelFrames } from './frames';
import { type InterpolationRequest, interpolate } from './interpolation';
import { type PanelJson, type PanelView, judgePanel } from './panels';

interface JudgeRequest {
  command: 'judge';
  panels: Array<{
    dashboardUid: string;
    panel: PanelJson & { targets?: TargetJson[] };
    answers: Record<string, Answer>;
    stepMs: number;
  }>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function judge(request: JudgeRequest): Promise<{ views: Array<PanelView & { dashboardUid: string }> }> {
  const views: Array<PanelView & { dashboardUid: string }> = [];
  for (const item of request.panels) {
    const frames = panelFrames(item.panel.targets ?? [], item.answers, item.stepMs);
    const view = await judgePanel(item.panel, frames);
    views.push({ dashboardUid: item.dashboardUid, ...view });
  }
  return { views };
}

async function answer(request: { command?: string }): Promise<unknown> {
  if (request.command === 'judge') {
    return judge(request as JudgeRequest);
  }
  if (request.command === 'interpolate') {
    return { results: (request as unknown as { cases: InterpolationRequest[] }).cases.map(interpolate) };
  }
  throw new Error(`unknown command ${JSON.stringify(request.command)}; the commands are "judge" and "interpolate"`);
}

async function main(): Promise<void> {
  const answered = await answer(JSON.parse(await readStdin()) as { command?: string });
  // Exit once the answer is out: timers that @grafana/data and @grafana/scenes start when they load
  // would otherwise keep Node alive about a second longer on every call.
  process.stdout.write(`${JSON.stringify(answered)}\n`, () => process.exit(0));
}

async function serve(): Promise<void> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let answered: unknown;
    try {
      answered = await answer(JSON.parse(line) as { command?: string });
    } catch (err: unknown) {
      answered = { error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(answered)}\n`, () => resolve()));
  }
  process.exit(0);
}

(process.argv.includes('--serve') ? serve() : main()).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
