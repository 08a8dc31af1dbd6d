/**
 * A pull-request summary longer than the forge accepts in one comment (GitHub 65,536 characters,
 * GitLab 1,000,000) is refused by the forge, and the reviewers see nothing. `fitComment` cuts it
 * at a line, closes what the cut leaves open (a code fence, a folded `<details>` section), and ends
 * it with a note in both languages saying that it was cut and which file holds the whole summary
 * (the CI templates keep that file as an artefact of the job). Lengths are counted in UTF-16 code
 * units (JavaScript's `length`), never fewer than the characters a forge counts.
 */
import type { Bilingual } from '../config/vocabulary';

export type Forge = 'github' | 'gitlab';

/** The longest comment each forge accepts, in characters. */
export const COMMENT_LIMITS: Readonly<Record<Forge, number>> = { github: 65536, gitlab: 1000000 };

/** The smallest limit accepted: room for the verdict line, the note and a little of the summary. */
export const MIN_COMMENT_LIMIT = 1000;

const FORGE_NAMES: Readonly<Record<Forge, string>> = { github: 'GitHub', gitlab: 'GitLab' };

export const LIMIT_TEXT = {
  badLimit: {
    en: '--comment-limit must be a whole number of characters from {min} to {max}, got {value}',
    zh: '--comment-limit 必须是 {min} 到 {max} 之间的整数（字符数），收到 {value}',
  },
} as const satisfies Readonly<Record<string, Bilingual>>;

const group = (n: number) => n.toLocaleString('en-US');

/** The note that ends a cut summary, in Chinese and English. */
export function truncationNote(limit: number, full: string, forge?: Forge): string {
  const where = forge === undefined ? '' : FORGE_NAMES[forge];
  return [
    `> ⚠️ 本摘要超过${where}评论长度上限（${group(limit)} 个字符），已在此处截断；完整摘要见文件 \`${full}\`（CI 作业的制品）。`,
    `> ⚠️ This summary is longer than the ${where === '' ? '' : `${where} `}comment limit (${group(limit)} characters) and was cut here; the full summary is the file \`${full}\` (an artefact of the CI job).`,
  ].join('\n');
}

export interface Fitted {
  /** The comment: the summary itself when it fits, else its first lines, closed, and the note. */
  readonly text: string;
  readonly truncated: boolean;
}

/**
 * The summary as one comment of at most `limit` characters. `full`: the file that holds the whole
 * summary, named in the note.
 */
export function fitComment(summary: string, limit: number, full: string, forge?: Forge): Fitted {
  if (summary.length <= limit) return { text: summary, truncated: false };
  const note = truncationNote(limit, full, forge);
  // the open fence is closed by its own run of backticks (the summary lengthens a fence when the lines in it hold ```)
  const closers = (fence: string | undefined, details: number) => [...(fence !== undefined ? [fence] : []), ...Array<string>(details).fill('</details>')];
  const kept: string[] = [];
  let used = 0;
  let fence: string | undefined;
  let details = 0;
  for (const line of summary.split('\n')) {
    const run = /^`{3,}/.exec(line)?.[0];
    const nextFence: string | undefined = fence === undefined ? run : run !== undefined && run.length >= fence.length ? undefined : fence;
    const nextDetails: number = fence !== undefined ? details : details + (line.startsWith('<details>') ? 1 : 0) - (line.startsWith('</details>') ? 1 : 0);
    // what the comment would be with this line: the lines, their closers, a blank line and the note
    const closing = closers(nextFence, Math.max(0, nextDetails)).reduce((n, c) => n + c.length + 1, 0);
    if (used + line.length + 1 + closing + 1 + note.length + 1 > limit) break;
    kept.push(line);
    used += line.length + 1;
    fence = nextFence;
    details = Math.max(0, nextDetails);
  }
  while (kept.length > 0 && kept[kept.length - 1].trim() === '') kept.pop();
  const text = `${[...kept, ...closers(fence, details), '', note].join('\n')}\n`;
  return { text, truncated: true };
}
