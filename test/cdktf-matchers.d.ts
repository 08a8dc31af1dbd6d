// Types of the jest matchers that cdktf's Testing.setupJest() registers (test/setup.ts).
declare global {
  namespace jest {
    interface Matchers<R> {
      toHaveResourceWithProperties(resourceType: { tfResourceType: string }, properties: Record<string, unknown>): R;
      toHaveResource(resourceType: { tfResourceType: string }): R;
    }
  }
}
export {};
