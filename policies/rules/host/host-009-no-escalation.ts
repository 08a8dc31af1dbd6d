/** No privilege escalation, and every capability dropped. */
import { Rule } from '../../types';
import { at } from '../../clause';
import { Json, block } from '../../deployment';
import { containerName, judgePods, securityContext } from './pods';

function problems(c: Json): string[] {
  const sc = securityContext(c);
  const caps = block(sc, 'capabilities') ?? {};
  const drop = (Array.isArray(caps.drop) ? caps.drop : []).map(String);
  const add = (Array.isArray(caps.add) ? caps.add : []).map(String).filter((x) => x !== 'NET_BIND_SERVICE');
  const out: string[] = [];
  if (sc.allow_privilege_escalation !== false) out.push(`container ${containerName(c)} does not set allow_privilege_escalation: false`);
  if (!drop.includes('ALL')) out.push(`container ${containerName(c)} does not drop ALL capabilities`);
  if (add.length > 0) out.push(`container ${containerName(c)} adds capabilities ${add.join(', ')}`);
  return out;
}

export const rule: Rule = {
  id: 'MLPS-HOST-009',
  family: 'HOST',
  title: { en: 'No privilege escalation; all capabilities dropped', zh: '禁止权限提升并丢弃全部 Linux 能力' },
  clauses: at([3, 4], '8.1.4.4'),
  platform: 'also',
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Set security_context.allow_privilege_escalation: false and capabilities { drop: ["ALL"] } on every container and init container; add back at most NET_BIND_SERVICE.',
    zh: '为所有容器及初始化容器设置 security_context.allow_privilege_escalation: false 和 capabilities { drop: ["ALL"] }；至多加回 NET_BIND_SERVICE。',
  },
  check: ({ view }) => judgePods(view, (p) => p.containers.flatMap(problems), 'restricted', 'no container can escalate privileges or keeps capabilities'),
};
