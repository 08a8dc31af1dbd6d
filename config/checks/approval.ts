/**
 * A request is filed after its joint project review (项目联审) approved it: an approval dated after
 * today (Beijing time) is a typing error or a request filed ahead of its approval; one dated before
 * EARLIEST_APPROVAL (1900-01-01 is what an empty date cell of a spreadsheet becomes) is one too.
 */
import { Issue } from '../issues';
import { at, CheckContext } from './context';
import { EARLIEST_APPROVAL } from '../schema/limits';

export function checkApprovalDates(ctx: CheckContext, today: string): Issue[] {
  const out: Issue[] = [];
  for (const t of ctx.tenants) {
    const on = t.data.metadata.approval.approvedOn;
    if (on > today) out.push(at(t, ['metadata', 'approval', 'approvedOn'], 'tenant.approvalInFuture', { value: on, today }));
    else if (on < EARLIEST_APPROVAL) out.push(at(t, ['metadata', 'approval', 'approvedOn'], 'approval.tooOld', { value: on, earliest: EARLIEST_APPROVAL }));
  }
  return out;
}
