/** The plan of a DR drill: which replica, which namespace, which locations; refusals that say why. */
import { validateEnvironment } from '../../config/validate';
import { planDrill } from '../../drill/run';
import { EXAMPLE_CITY } from '../helpers/env';

const model = validateEnvironment(EXAMPLE_CITY).model!;

describe('planDrill', () => {
  it("restores a hot-standby tenant's prod on its same-city replica, reading the primary's prefix through the read-only location", () => {
    const plan = planDrill(model, 'food-safety-supervision');
    if ('error' in plan) throw new Error(plan.error);
    const t = model.tenants.find((x) => x.name === 'food-safety-supervision')!;
    expect(plan.namespace).toBe('food-safety-supervision-prod');
    expect(plan.replica.siteRole).toBe('same-city');
    expect(plan.writeLocation).toBe(plan.replica.site);
    expect(plan.readLocation).toBe(`${plan.replica.site}-from-${t.cluster}`);
  });

  it('takes the replica named by --to, and refuses a cluster without one, a tenant without replicas and an unknown tenant', () => {
    const remoteReplicated = model.tenants.find((t) => t.replicas.some((r) => r.siteRole === 'remote'))!;
    const remote = remoteReplicated.replicas.find((r) => r.siteRole === 'remote')!;
    const plan = planDrill(model, remoteReplicated.name, remote.cluster);
    expect('error' in plan ? plan.error : plan.replica.cluster).toBe(remote.cluster);
    expect(planDrill(model, remoteReplicated.name, 'int-primary')).toEqual({ error: expect.stringContaining(`has no replica on "int-primary"`) });
    const none = model.tenants.find((t) => t.replicas.length === 0);
    if (none) expect(planDrill(model, none.name)).toEqual({ error: expect.stringContaining('has no DR replica') });
    expect(planDrill(model, 'no-such-tenant')).toEqual({ error: expect.stringContaining('there is no tenant "no-such-tenant"') });
  });
});
