/**
 * cdktf records a full JavaScript stack trace (with Error.stackTraceLimit lifted to infinity) for
 * every token it creates, only to print it if that token later fails to resolve. On a city of
 * thousands of tenants that is about a third of synth time. Synth replaces the recorder with a
 * no-op; a token error then names the construct path without the JavaScript stack. cdktf 0.21.0 is
 * the last release, so this internal module cannot move under us; the check below fails loudly if
 * a fork renames it.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stackTrace = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: (below?: unknown) => string[] };

let disabled = false;

export function disableTokenStackTraces(): void {
  if (disabled) return;
  if (typeof stackTrace.captureStackTrace !== 'function') {
    throw new Error('cdktf internals changed: tokens/private/stack-trace.captureStackTrace is gone; remove disableTokenStackTraces()');
  }
  stackTrace.captureStackTrace = () => [];
  disabled = true;
}
