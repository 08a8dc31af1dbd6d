import { differences } from '../../live/compare';

describe('a judged body against a live object', () => {
  it('accepts what the API server adds and normalises: defaults, numbers for numeric strings, quantities, octal modes', () => {
    const want = { spec: { port: [{ port: '53', protocol: 'UDP' }], hard: { cpu: '0.5', memory: '1Gi' }, volume: [{ config_map: { default_mode: '0644' } }] } };
    const got = {
      spec: {
        port: [{ port: 53, protocol: 'UDP', target_port: 53 }],
        hard: { cpu: '500m', memory: '1073741824' },
        volume: [{ config_map: { default_mode: 420 } }],
      },
      status: {},
    };
    expect(differences(want, got)).toEqual([]);
  });

  it('skips a value that is still a Terraform reference, and reads a one-element list as the block it is', () => {
    expect(
      differences({ metadata: [{ namespace: '${kubernetes_namespace_v1.x.metadata[0].name}', name: 'a' }] }, { metadata: { namespace: 'y', name: 'a' } }),
    ).toEqual([]);
  });

  it('names each place that differs, a list of another length, and (strict) what the live object holds beyond the judged', () => {
    expect(differences({ spec: { pod_selector: {}, policy_types: ['Ingress'] } }, { spec: { pod_selector: {}, policy_types: ['Egress'] } })).toEqual([
      { path: 'spec.policy_types.0', want: 'Ingress', got: 'Egress' },
    ]);
    expect(differences({ rule: [{ verbs: ['get'] }] }, { rule: [{ verbs: ['get'] }, { verbs: ['*'] }] })).toEqual([
      { path: 'rule', want: '1 item(s)', got: '2 item(s)' },
    ]);
    const judged = { policy_types: ['Ingress'], pod_selector: {} };
    const widened = { policy_types: ['Ingress'], pod_selector: {}, ingress: [{}] };
    expect(differences(judged, widened)).toEqual([]);
    expect(differences(judged, widened, 'spec', 'spec', true)).toEqual([{ path: 'spec.ingress', want: null, got: [{}] }]);
  });
});
