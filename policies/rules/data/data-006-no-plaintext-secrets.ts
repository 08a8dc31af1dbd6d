/** No plaintext credentials in the synthesized output (it is kept in git and in Terraform state). */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { TfResource } from '../../deployment';
import { credentialHits, isLiteral } from './secrets';

const SECRET = new Set(['kubernetes_secret_v1', 'kubernetes_secret']);
const SECRET_DATA = ['data', 'binary_data', 'string_data'];

const literalKeys = (r: TfResource): string[] =>
  SECRET_DATA.flatMap((k) => {
    const v = r.body[k];
    return v && typeof v === 'object' && !Array.isArray(v)
      ? Object.entries(v)
          .filter(([, x]) => isLiteral(x))
          .map(([key]) => `${k}.${key}`)
      : [];
  });

export const rule: Rule = {
  id: 'MLPS-DATA-006',
  family: 'DATA',
  title: { en: 'No plaintext secrets in the synthesized output', zh: '合成输出中不得含明文凭据' },
  clauses: at([3, 4], '8.1.4.8 b)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Do not write credentials into Terraform: create Secrets from the platform secret store (e.g. an external-secrets ExternalSecret or a KMS-encrypted source), reference them with value_from.secret_key_ref, and rotate any credential that was committed.',
    zh: '不得将凭据写入 Terraform：通过平台密钥管理（如 external-secrets 的 ExternalSecret 或 KMS 加密来源）生成 Secret，用 value_from.secret_key_ref 引用；已提交的凭据须立即轮换。',
  },
  check: ({ view, tenant }) => {
    const bad: Evidence[] = [];
    let scanned = 0;
    for (const ns of view.namespaces) {
      for (const r of [...(ns.namespace ? [ns.namespace] : []), ...ns.resources]) {
        scanned++;
        const isSecret = SECRET.has(r.type);
        const keys = isSecret ? literalKeys(r) : [];
        if (keys.length > 0) bad.push({ address: r.address, detail: `Secret in ${ns.cluster}/${ns.name} holds literal values (${keys.join(', ')})` });
        const hits = credentialHits(r.body).filter((h) => !(isSecret && SECRET_DATA.some((k) => h.path.startsWith(`${k}.`))));
        if (hits.length > 0) bad.push({ address: r.address, detail: `${ns.cluster}/${ns.name}: ${hits.map((h) => `${h.what} at ${h.path}`).join('; ')}` });
      }
    }
    if (bad.length > 0) return fail(...bad);
    return pass({ detail: `${scanned} resources in the namespaces of ${tenant.name} hold no literal Secret data and no credential-like strings` });
  },
};
