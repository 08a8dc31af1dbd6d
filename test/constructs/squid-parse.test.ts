/**
 * The generated squid.conf of the example city's gateways is valid for Debian's squid 5.7: the real
 * binary parses it (`squid -k parse`), where /usr/sbin/squid is installed (skipped with a message
 * otherwise). A broken configuration fails the same check, so the check can fail.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { synthInMemory } from '../../stacks/in-memory';
import { EXAMPLE_CITY, tmpDir } from '../helpers/env';

const SQUID = '/usr/sbin/squid';
const here = fs.existsSync(SQUID);
if (!here) console.warn(`${SQUID} is not installed: the squid.conf parse test is skipped (apt-get install -y squid)`);
const maybe = here ? it : it.skip;

type Json = Record<string, unknown>;

function configs(): { stack: string; name: string; text: string }[] {
  const { model } = validateEnvironment(EXAMPLE_CITY);
  if (!model) throw new Error('the example city does not validate');
  return synthInMemory(model).flatMap((s) =>
    Object.values(((s.json.resource as Json | undefined)?.kubernetes_config_map_v1 ?? {}) as Record<string, Json>).flatMap((cm) => {
      const text = (cm.data as Record<string, string> | undefined)?.['squid.conf'];
      return text === undefined ? [] : [{ stack: s.name, name: String((cm.metadata as Json).name), text }];
    }),
  );
}

/** Runs squid -k parse; returns the exit status and what it printed. */
function parse(text: string): { status: number; output: string } {
  const file = path.join(tmpDir('squid'), 'squid.conf');
  fs.writeFileSync(file, text);
  const r = spawnSync(SQUID, ['-k', 'parse', '-f', file], { encoding: 'utf8' });
  return { status: r.status ?? 1, output: `${r.stdout}${r.stderr}` };
}

describe('squid.conf of the example city', () => {
  const all = configs();

  it('has an egress and an ingress gateway on the primary and the same-city cluster', () => {
    expect(all.map((c) => `${c.stack} ${c.name}`).sort()).toEqual([
      'platform-ext-primary egress-gateway',
      'platform-ext-primary ingress-gateway',
      'platform-ext-samecity egress-gateway',
      'platform-ext-samecity ingress-gateway',
    ]);
  });

  maybe('parses with the real squid 5.7, without errors or warnings', () => {
    for (const c of all) {
      const r = parse(c.text);
      expect([c.stack, c.name, r.status]).toEqual([c.stack, c.name, 0]);
      expect([c.stack, c.name, r.output.split('\n').filter((l) => /WARNING|ERROR|FATAL/.test(l))]).toEqual([c.stack, c.name, []]);
    }
  });

  maybe('fails the same check for a configuration naming an ACL it never defines', () => {
    const broken = all[0].text.replace('http_access deny all', 'http_access allow no_such_acl\nhttp_access deny all');
    expect(parse(broken).status).not.toBe(0);
  });
});
