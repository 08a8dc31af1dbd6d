/**
 * Velero's node agent is the one platform workload that reads node files (the kubelet's pod folder, for
 * file-system backup of volume data). HOST-004 and HOST-010 accept it in exactly the shape govcloud
 * synthesizes and say so in the evidence; any other host folder, a writable mount or a capability
 * added back makes it fail like any other workload.
 */
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { stacksForCheck } from '../../stacks/stacks-for-check';
import { buildDeployment, Json, StackJson } from '../../policies/deployment';
import { runChecks } from '../../policies/engine';
import { REPO } from '../helpers/env';

const dir = path.join(REPO, 'environments', 'example-city');
const model = validateEnvironment(dir, { today: '2026-12-02' }).model!;
const base = stacksForCheck(model, dir).stacks;

/** The example city's platform of ext-primary judged, after `edit` changed the node agent's pod spec there. */
function judge(edit?: (spec: Json) => void) {
  const stacks: StackJson[] = base.map((s) => (s.name === 'platform-ext-primary' ? { ...s, json: structuredClone(s.json) } : s));
  if (edit) {
    const res = (stacks.find((s) => s.name === 'platform-ext-primary')!.json.resource as Json).kubernetes_daemon_set_v1 as Record<string, Json>;
    const [agent] = Object.values(res);
    edit(((agent.spec as Json).template as Json).spec as Json);
  }
  const report = runChecks(model, buildDeployment(model, stacks), { today: '2026-12-02' });
  const p = report.platform.find((x) => x.tenant.cluster === 'ext-primary')!;
  return (id: string) => p.findings.find((f) => f.rule.id === id)!;
}

const container = (s: Json) => (s.container as Json[])[0];

describe("the node agent's host access", () => {
  it('is accepted as synthesized, and the evidence says what it reads and why', () => {
    const rule = judge();
    for (const id of ['MLPS-HOST-004', 'MLPS-HOST-010']) {
      const f = rule(id);
      expect([id, f.status]).toEqual([id, 'pass']);
      expect(f.evidence.map((e) => e.detail)).toContainEqual(
        expect.stringMatching(/node-agent in ext-primary\/velero: Velero's node agent reads \/var\/lib\/kubelet\/pods read-only as root with no capability/),
      );
    }
  });

  it.each([
    ['another host folder', (s: Json) => (((s.volume as Json[]).find((v) => v.host_path) as Json).host_path = { path: '/', type: 'Directory' })],
    ['a writable mount', (s: Json) => ((container(s).volume_mount as Json[]).find((m) => m.name === 'host-pods')!.read_only = false)],
    ['a capability added back', (s: Json) => ((container(s).security_context as Json).capabilities = { drop: ['ALL'], add: ['SYS_ADMIN'] })],
  ])('fails like any workload with %s', (_what, edit) => {
    const rule = judge(edit);
    expect([rule('MLPS-HOST-004').status, rule('MLPS-HOST-010').status]).toEqual(['fail', 'fail']);
  });
});
