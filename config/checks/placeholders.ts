/**
 * What `govcloud new tenant` leaves to fill in never reaches a review: a display name or an owner
 * marked TODO, an e-mail address at a reserved domain (`.invalid`, `example.*`), an approval reference
 * such as n/a, none or TBD, and the department defaulted to the tenant's own name while the scaffold's
 * TODO comment above it is still there (a department may share its system's name). Each is refused at
 * its line (the XM-TODO approval placeholder is refused by checkNames).
 */
import * as fs from 'fs';
import { Issue } from '../issues';
import { at, CheckContext } from './context';

const TODO = /\bTODO\b|待填|待定/i;
/** Approval references that stand for none. */
export const NO_REFERENCE = /^(n\/?a|none|nil|null|tbd|tba|todo|pending|unknown|-+|\?+|无|暂无|待定|待补)$/i;
/** Domains reserved for examples and tests (RFC 2606, RFC 6761): no person reads mail there. */
const RESERVED_MAIL = /@([^@]*\.)?(example(\.(com|net|org))?|invalid|test|localhost)$/i;

/** Whether one of the two lines above `line` (1-based) carries the scaffold's TODO mark. */
function markedTodo(file: string, line: number | undefined): boolean {
  if (line === undefined || !fs.existsSync(file)) return false;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return lines.slice(Math.max(0, line - 3), line - 1).some((l) => /^\s*#.*TODO/.test(l));
}

export function checkPlaceholders(ctx: CheckContext): Issue[] {
  const out: Issue[] = [];
  for (const t of ctx.tenants) {
    const m = t.data.metadata;
    const field = (path: (string | number)[], value: string, what: string, what_zh: string) =>
      out.push(at(t, path, 'placeholder.field', { value: JSON.stringify(value), what, what_zh }));
    if (TODO.test(m.displayName)) field(['metadata', 'displayName'], m.displayName, "the system's name as people read it", '系统名称');
    if (TODO.test(m.owner.name)) field(['metadata', 'owner', 'name'], m.owner.name, "the responsible person's name", '责任人姓名');
    if (RESERVED_MAIL.test(m.owner.email) || TODO.test(m.owner.email))
      field(['metadata', 'owner', 'email'], m.owner.email, "the responsible person's e-mail address", '责任人电子邮件地址');
    if (NO_REFERENCE.test(m.approval.ref.trim()))
      field(
        ['metadata', 'approval', 'ref'],
        m.approval.ref,
        'the 项目联审 (joint project review) reference that approved this request',
        '批准本申请的项目联审批复文号',
      );
    // a department may share its system's name (archives runs archives): only the scaffold's unconfirmed default is refused
    if (m.department === m.name) {
      const issue = at(t, ['metadata', 'department'], 'placeholder.department', { value: JSON.stringify(m.department) });
      if (markedTodo(t.source.file, issue.line)) out.push(issue);
    }
  }
  return out;
}
