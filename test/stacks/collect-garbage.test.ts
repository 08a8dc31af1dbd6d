/** collectGarbage runs a full collection: what is no longer referenced is gone from the heap at once. */
import { collectGarbage } from '../../stacks/collect-garbage';

describe('collectGarbage', () => {
  it('frees an unreferenced 100 MB of objects at once, and can be called again', () => {
    const box: { held?: { i: number; s: string }[] } = { held: Array.from({ length: 1_000_000 }, (_, i) => ({ i, s: `item-${i}` })) };
    expect(box.held?.length).toBe(1_000_000);
    const before = process.memoryUsage().heapUsed;
    delete box.held;
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    expect(before - after).toBeGreaterThan(40_000_000);
    expect(() => collectGarbage()).not.toThrow();
  });
});
