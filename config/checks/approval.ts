/**
 * A request is filed after its joint project review (项目联审) approved it: an approval dated after
 * today (Beijing time) is a typing error or a request filed ahead of its approval.
 */
import { Issue } from '../issues';
import { at, CheckContext } from './context';

export function checkApprovalDates(ctx: CheckContext, today: string): Issue[] {
  const out: Issue[] = [];
  for (const t of ctx.tenants) {
    const on = t.data.metadata.approval.approvedOn;
    if (on > today) out.push(at(t, ['metadata', 'approval', 'approvedOn'], 'tenant.approvalInFuture', { value: on, today }));
  }
  return out;
}
