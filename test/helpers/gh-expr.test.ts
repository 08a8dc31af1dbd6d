/** The GitHub expression subset the template tests evaluate with: the runner's semantics where the templates rely on them. */
import { evaluate, interpolate, jobRuns } from './gh-expr';

const json = JSON.stringify({ matrix: { platform: { include: [] }, department: { include: [{ stack: 'd', network: 'extranet' }] } } });
const ctx = { needs: { s: { result: 'success', outputs: { json } }, f: { result: 'failure', outputs: {} }, k: { result: 'skipped', outputs: { json: '' } } } };

describe('evaluate', () => {
  it('reads past the end of an array and a missing property as null', () => {
    expect(evaluate('fromJSON(needs.s.outputs.json).matrix.platform.include[0] == null', ctx)).toBe(true);
    expect(evaluate('fromJSON(needs.s.outputs.json).matrix.department.include[0] != null', ctx)).toBe(true);
    expect(evaluate('needs.s.outputs.nothing', ctx)).toBeNull();
  });

  it('short-circuits && and || (fromJSON of an empty output is never read)', () => {
    expect(evaluate("needs.k.result == 'success' && fromJSON(needs.k.outputs.json).matrix", ctx)).toBe(false);
    expect(evaluate("needs.s.result == 'success' || fromJSON(needs.k.outputs.json)", ctx)).toBe(true);
    expect(() => evaluate("needs.s.result == 'success' && fromJSON(needs.k.outputs.json)", ctx)).toThrow();
  });

  it('compares strings without regard to case, and refuses what it does not know', () => {
    expect(evaluate("needs.s.result == 'SUCCESS'", ctx)).toBe(true);
    expect(() => evaluate('contains(needs, 1)', ctx)).toThrow(/not supported/);
    expect(() => evaluate('needs.s.result ==', ctx)).toThrow();
  });
});

describe('jobRuns', () => {
  it('adds success() to a condition without a status function, as GitHub does', () => {
    expect(jobRuns("needs.s.result == 'success'", ctx, { needs: ['s', 'k'] })).toBe(false);
    expect(jobRuns("!cancelled() && needs.s.result == 'success'", ctx, { needs: ['s', 'k'] })).toBe(true);
    expect(jobRuns(undefined, ctx, { needs: ['s'] })).toBe(true);
    expect(jobRuns(undefined, ctx, { needs: ['s', 'f'] })).toBe(false);
  });
});

describe('interpolate', () => {
  it('gives a whole ${{ }} its value and fills one inside a string', () => {
    expect(interpolate('${{ fromJSON(needs.s.outputs.json).matrix.department }}', ctx)).toEqual({ include: [{ stack: 'd', network: 'extranet' }] });
    expect(interpolate('plan-${{ needs.s.result }}', ctx)).toBe('plan-success');
  });
});
