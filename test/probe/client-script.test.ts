import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientPod, MUST_CONNECT_TRIES } from '../../probe/pods';
import { Endpoint } from '../../probe/table';

const ep: Endpoint = {
  cluster: 'c',
  network: 'extranet',
  namespace: 'a-prod',
  tenant: 'city/a',
  environment: 'prod',
  role: 'primary',
  domestic: false,
  serving: true,
  ports: [80],
};

/**
 * The client's script run by a real shell, with `nc` and `sleep` replaced by stand-ins: 10.0.0.1
 * answers from its third try on, 10.0.0.2 always answers, 10.0.0.3 never does. Each stand-in `nc`
 * counts its calls per target, so the test sees how often each target was tried.
 */
function runClient(targets: string[]): { out: string; calls: (target: string) => number } {
  const dir = mkdtempSync(join(tmpdir(), 'govcloud-probe-client-'));
  try {
    writeFileSync(
      join(dir, 'nc'),
      [
        '#!/bin/sh',
        'cat >/dev/null',
        'f="$STATE/$3_$4"; n=$(cat "$f" 2>/dev/null || echo 0); n=$((n+1)); echo "$n" > "$f"',
        'case "$3" in 10.0.0.1) [ "$n" -ge 3 ] && echo ns-a ;; 10.0.0.2) echo ns-b ;; esac',
        'exit 0',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'sleep'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, 'nc'), 0o755);
    chmodSync(join(dir, 'sleep'), 0o755);
    const pod = clientPod(ep, 'img', { key: 'k', domesticValue: 'd' }, targets, 'x') as {
      spec: { containers: { command: string[]; env: { name: string; value: string }[] }[] };
    };
    const script = pod.spec.containers[0].command[2];
    const out = execFileSync('/bin/sh', ['-c', script], {
      env: { PATH: `${dir}:/usr/bin:/bin`, STATE: dir, TARGETS: pod.spec.containers[0].env.find((e) => e.name === 'TARGETS')!.value },
      encoding: 'utf8',
    });
    const counts = new Map<string, number>();
    for (const t of ['10.0.0.1_80', '10.0.0.2_443', '10.0.0.3_80', '10.0.0.3_81']) {
      try {
        counts.set(t, Number(readFileSync(join(dir, t), 'utf8')));
      } catch {
        counts.set(t, 0);
      }
    }
    return { out, calls: (t) => counts.get(t.replace(':', '_')) ?? 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the probe client', () => {
  const { out, calls } = runClient(['+10.0.0.1:80', '10.0.0.3:80', '+10.0.0.3:81', '10.0.0.2:443']);

  it('tries a must-connect target again while the policy engine catches up, and says at which try it answered', () => {
    expect(out).toBe(['1 OK ns-a', '1 TRIES 3', '2 FAIL', '3 FAIL', '4 OK ns-b', 'DONE', ''].join('\n'));
    expect(calls('10.0.0.1:80')).toBe(3);
  });

  it('gives up on a must-connect target after its tries, so a closed flow is still reported', () => {
    expect(calls('10.0.0.3:81')).toBe(MUST_CONNECT_TRIES);
  });

  it('tries a must-be-refused target once: a retry never hides a hole or turns an open path into a refusal', () => {
    expect(calls('10.0.0.3:80')).toBe(1);
    expect(calls('10.0.0.2:443')).toBe(1);
  });
});
