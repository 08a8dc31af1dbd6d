/**
 * The 项目联审 reference follows the city's format (platform.yaml spec.approvals.referenceFormat,
 * default XM-YYYY-NNNN); a placeholder (n/a, TBD, XM-TODO) is refused once, by checkPlaceholders or
 * checkNames, and a credential by checkCredentials, not again here.
 *
 * A request is filed after its joint project review (项目联审) approved it: an approval dated after
 * today (Beijing time) is a typing error or a request filed ahead of its approval; one dated before
 * EARLIEST_APPROVAL (1900-01-01 is what an empty date cell of a spreadsheet becomes) is one too.
 */
import { Issue } from '../issues';
import { at, CheckContext } from './context';
import { EARLIEST_APPROVAL } from '../schema/limits';
import { exampleReference, matchesReference } from '../schema/approvals';
import { NO_REFERENCE } from './placeholders';
import { REFERENCE_PLACEHOLDER } from './names';
import { credentialInText } from '../credentials';

export function checkApprovalReferences(ctx: CheckContext): Issue[] {
  const format = ctx.platform.data.spec.approvals.referenceFormat;
  const out: Issue[] = [];
  for (const t of ctx.tenants) {
    const { ref, approvedOn } = t.data.metadata.approval;
    // a placeholder or a credential is refused once, by its own check
    if (NO_REFERENCE.test(ref.trim()) || REFERENCE_PLACEHOLDER.test(ref) || credentialInText(ref) !== undefined || matchesReference(ref, format)) continue;
    out.push(
      at(t, ['metadata', 'approval', 'ref'], 'approval.refFormat', {
        value: JSON.stringify(ref),
        format,
        example: exampleReference(format, approvedOn.slice(0, 4)),
      }),
    );
  }
  return out;
}

export function checkApprovalDates(ctx: CheckContext, today: string): Issue[] {
  const out: Issue[] = [];
  for (const t of ctx.tenants) {
    const on = t.data.metadata.approval.approvedOn;
    if (on > today) out.push(at(t, ['metadata', 'approval', 'approvedOn'], 'tenant.approvalInFuture', { value: on, today }));
    else if (on < EARLIEST_APPROVAL) out.push(at(t, ['metadata', 'approval', 'approvedOn'], 'approval.tooOld', { value: on, earliest: EARLIEST_APPROVAL }));
  }
  return out;
}
