/** Secrets reach containers as mounted files, not environment variables (which leak into process listings, crash dumps and child processes). */
import { Rule } from '../../types';
import { at } from '../../clause';
import { Json, block, list } from '../../deployment';
import { containerName, judgePods } from './pods';

function secretEnv(c: Json): string[] {
  const out: string[] = [];
  for (const e of list(c, 'env')) {
    const ref = block(block(e, 'value_from'), 'secret_key_ref');
    if (ref) out.push(`env ${String(e.name ?? '(unnamed)')} from secret ${String(ref.name ?? '(unnamed)')}`);
  }
  for (const e of list(c, 'env_from')) {
    const ref = block(e, 'secret_ref');
    if (ref) out.push(`env_from secret ${String(ref.name ?? '(unnamed)')}`);
  }
  return out;
}

export const rule: Rule = {
  id: 'MLPS-HOST-015',
  family: 'HOST',
  title: { en: 'Secrets mounted as files, not passed as environment variables', zh: '密钥以文件挂载，不以环境变量传递' },
  clauses: at([3, 4], '8.1.4.8 b)'),
  platform: 'also',
  cloud: false,
  severity: 'warning',
  remediation: {
    en: 'Mount the Secret as a volume (volume.secret + volume_mount, read-only) and have the application read the file; remove env value_from.secret_key_ref and env_from.secret_ref.',
    zh: '将 Secret 以卷方式只读挂载（volume.secret + volume_mount），由应用读取文件；删除 env 的 value_from.secret_key_ref 与 env_from.secret_ref。',
  },
  check: ({ view }) =>
    judgePods(
      view,
      (p) => p.containers.flatMap((c) => secretEnv(c).map((what) => `container ${containerName(c)} takes ${what}`)),
      'none',
      'no container takes a secret through its environment',
    ),
};
