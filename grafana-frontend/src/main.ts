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

async function main(): Promise<void> {
  const request = JSON.parse(await readStdin()) as { command?: string };
  let answer: unknown;
  if (request.command === 'judge') {
    answer = await judge(request as JudgeRequest);
  } else if (request.command === 'interpolate') {
    answer = { results: (request as unknown as { cases: InterpolationRequest[] }).cases.map(interpolate) };
  } else {
    throw new Error(`unknown command ${JSON.stringify(request.command)}; the commands are "judge" and "interpolate"`);
  }
  // Exit once the answer is out: timers that @grafana/data and @grafana/scenes start when they load
  // would otherwise keep Node alive about a second longer on every call.
  process.stdout.write(`${JSON.stringify(answer)}\n`, () => process.exit(0));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
