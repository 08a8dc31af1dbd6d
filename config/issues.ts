/**
 * Issues are data, never exceptions: every problem found in the input is collected with its
 * position and printed once, as `path:line:col field: message`.
 */
import { MessageCode, Lang, renderMessage, MessageParams } from './messages';

export type Severity = 'error' | 'warning';

export interface Position {
  /** File path as given to the loader (relative to the working directory when possible). */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly col: number;
}

export interface Issue extends Position {
  readonly severity: Severity;
  /** Dotted field path inside the file, e.g. `spec.quota.cpu` or `clusters[1].capacity`. */
  readonly field: string;
  readonly code: MessageCode;
  readonly params: MessageParams;
}

export function issue(severity: Severity, at: Position, field: string, code: MessageCode, params: MessageParams = {}): Issue {
  return { severity, file: at.file, line: at.line, col: at.col, field, code, params };
}

/** Orders issues by file, line, column, then field, so that output is stable. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.col - b.col ||
      (a.field < b.field ? -1 : a.field > b.field ? 1 : 0) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

export function formatIssue(i: Issue, lang: Lang): string {
  const prefix = i.severity === 'warning' ? (lang === 'zh' ? '警告：' : 'warning: ') : '';
  const field = i.field === '' ? '' : ` ${i.field}:`;
  return `${i.file}:${i.line}:${i.col}${field} ${prefix}${renderMessage(i.code, i.params, lang)}`;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
