/**
 * The flows the HTML report draws come from the judged stacks: a hand-written override
 * (overrides/<stack>/*.tf.json) that opens a path from the administrative zone to the public-service
 * zone is a flow of the picture, not allowed by the zoning, declared by no request, and drawn red;
 * without it, the flows the stacks open are exactly those the requests declare, all allowed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { judge } from '../../workflow/check';
import { declaredFlows, endKey, judgedFlows, JudgedFlow } from '../../policies/judged-flows';
import { renderHtml } from '../../policies/report/html/page';
import { caseEnv, REPO } from '../helpers/env';

const TODAY = '2026-11-23';
const FIXTURE = path.join(REPO, 'test', 'fixtures', 'report', 'hand-written-cross-zone');

function judged(env: string): { model: CityModel; flows: JudgedFlow[]; html: string } {
  const r = validateEnvironment(env, { today: TODAY });
  if (!r.model) throw new Error(`fixture invalid: ${JSON.stringify(r.issues)}`);
  const j = judge({ model: r.model, env, today: TODAY });
  if (!j.report || !j.deployment) throw new Error(`not judged: ${JSON.stringify(j.issues)}`);
  const flows = judgedFlows(r.model, j.deployment);
  return { model: r.model, flows, html: renderHtml(j.report, r.model, 'en', flows) };
}

const key = (f: JudgedFlow): string => `${endKey(f.from)} > ${endKey(f.to)}`;

describe('the topology drawn from the judged stacks', () => {
  it('fails: a hand-written policy from the administrative zone to the public-service zone is a red, undeclared flow', () => {
    const env = caseEnv(undefined);
    fs.cpSync(path.join(FIXTURE, 'overrides'), path.join(env, 'overrides'), { recursive: true });
    const { flows, html } = judged(env);
    const f = flows.find((x) => key(x) === 'tenant:relief > tenant:portal');
    expect(f).toBeDefined();
    expect(f?.allowed).toBe(false);
    expect(f?.declared).toBe(false);
    expect(f?.ports).toEqual(['8080']);
    expect(f?.policies).toEqual(['dept-north-civil-affairs-ext-main:kubernetes_network_policy_v1.relief-to-portal']);
    expect(html).toMatch(
      /<path class="flow undeclared suspect" d="[^"]+" marker-end="url\(#arrow\)" data-from="tenant:relief" data-to="tenant:portal" data-allowed="false"/,
    );
  });

  it('passes: without hand-written files, the stacks open exactly the declared flows, each allowed and drawn in blue', () => {
    const { model, flows, html } = judged(caseEnv(undefined));
    expect(flows.length).toBeGreaterThan(0);
    expect(flows.map(key)).toEqual(declaredFlows(model).map(key));
    expect(flows.every((f) => f.allowed && f.declared)).toBe(true);
    expect(html).not.toContain('flow suspect');
    expect(html).not.toContain('undeclared suspect');
    expect(html).toContain('<path class="flow" ');
  });

  it('draws every flow the violations city opens by hand, in red where the zoning forbids it', () => {
    const env = path.join(REPO, 'environments', 'example-city-violations');
    const { flows, html } = judged(env);
    const red = flows.filter((f) => !f.allowed);
    expect(red.map(key)).toEqual(expect.arrayContaining(['tenant:relief > tenant:portal', 'tenant:case-files > internet']));
    for (const f of red) expect(html).toContain(`data-from="${endKey(f.from)}" data-to="${endKey(f.to)}" data-allowed="false"`);
  });
});
