/**
 * A synth worker process: `node synth-worker.js MODEL.json STAGING OUT REPO_ROOT HAND_ADDED_DIR|'' STACK…`. Builds the
 * named stacks into the staging folder and prints one JSON line per stack (result and isolation
 * violations) for the parent, which checks, publishes and reports.
 */
import * as fs from 'fs';
import { CityModel } from '../config/model';
import { isolationMarkers } from './isolation';
import { planStacks } from './slices';
import { buildStack, newApps } from './synth';
import { collectGarbage } from './collect-garbage';

const [modelFile, staging, out, repoRoot, handAdded, ...names] = process.argv.slice(2);
const model = JSON.parse(fs.readFileSync(modelFile, 'utf8')) as CityModel;
const plan = planStacks(model);
const markers = isolationMarkers(model, plan);
// what reading the model left behind goes before the stacks are built (stacks/collect-garbage.ts)
collectGarbage();
const apps = newApps(staging);
for (const slice of plan.filter((s) => names.includes(s.name))) {
  const built = buildStack(
    slice,
    apps[slice.network],
    staging,
    out,
    markers[slice.network === 'extranet' ? 'intranet' : 'extranet'],
    repoRoot,
    undefined,
    handAdded === '' ? undefined : handAdded,
  );
  process.stdout.write(`${JSON.stringify(built)}\n`);
}
process.stdout.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
