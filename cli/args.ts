/** What the command line hands each command: the values of its options, by option name. */

/** A mistake in how the command was called: exit 2, the message, then the hint to `--help`. */
export class UsageError extends Error {}

export interface Parsed {
  /** Option name (`affected-by`) → its values; a switch given has `['true']`, a list every value. */
  readonly flags: Map<string, string[]>;
}

export function flag(p: Parsed, name: string): string | undefined {
  return p.flags.get(name)?.[0];
}
