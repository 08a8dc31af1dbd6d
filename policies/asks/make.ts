/** The shorthands the requirement tables (policies/asks/*.ts) are written with. */
import { MlpsLevel } from '../../config/model';
import { Ask, Collect, EvidenceKind, How } from '../asks';
import type { RuntimeKind } from '../runtime';

export const ask = (from: MlpsLevel, how: How, zh: string, en: string, rules: readonly string[] = [], to?: MlpsLevel): Ask => ({
  from,
  to,
  how,
  text: { zh, en },
  rules: rules.map((r) => `MLPS-${r}`),
});
export const collect = (kinds: EvidenceKind[], zh: string, en: string, fromZh: string, fromEn: string): Collect => ({
  kinds,
  what: { zh, en },
  from: { zh: fromZh, en: fromEn },
});

export const OPERATOR = ['政务云运营方（平台运维团队）', 'the cloud centre operator (platform operations team)'] as const;
export const DEPARTMENT = ['申请部门（系统建设与运维负责人）', 'the requesting department (system owner and its operators)'] as const;
export const SECURITY = ['平台安全管理员', 'the platform security administrator'] as const;

/** A `partly` requirement that counts as automated for a tenant whose report has `rule` passing (policies/asks.ts `autoWhen`). */
export const autoWhen = (a: Ask, rule: string): Ask => ({ ...a, autoWhen: `MLPS-${rule}` });

/** A requirement that runtime evidence of these kinds verifies (policies/asks.ts `verify`). */
export const verifiedBy = (a: Ask, ...kinds: RuntimeKind[]): Ask => ({ ...a, verify: kinds });
