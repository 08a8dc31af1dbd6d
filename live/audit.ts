/**
 * A sample of an API server's audit log, as copied from its control-plane node (the API server does
 * not serve its own audit log: the /logs handler is off by default and deprecated): every line read
 * as an audit event, the last events kept for the package with what they recorded but none of the
 * bodies (which may hold anything a client sent), and the checks that show the synthesized policy is
 * the one in use:
 *   - the log holds events, and the newest is less than a day older than the sample;
 *   - every line is an audit event (JSON with an auditID, a level and a verb);
 *   - no event on Secrets carries a request or response body (the policy logs them at Metadata only).
 */
import type { Bilingual } from '../config/vocabulary';

export interface SampledEvent {
  readonly time?: string;
  readonly level: string;
  readonly stage?: string;
  readonly verb: string;
  readonly user?: string;
  readonly resource?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly code?: number;
  /** Whether the event recorded the request and response bodies (not the bodies themselves). */
  readonly requestBody: boolean;
  readonly responseBody: boolean;
}

export interface AuditSample {
  readonly events: number;
  readonly byLevel: Readonly<Record<string, number>>;
  readonly newest?: string;
  readonly sample: readonly SampledEvent[];
  readonly problems: readonly Bilingual[];
}

const SAMPLE = 20;
const DAY_MS = 24 * 3600 * 1000;

interface RawEvent {
  auditID?: string;
  level?: string;
  stage?: string;
  verb?: string;
  stageTimestamp?: string;
  requestReceivedTimestamp?: string;
  user?: { username?: string };
  objectRef?: { resource?: string; namespace?: string; name?: string };
  responseStatus?: { code?: number };
  requestObject?: unknown;
  responseObject?: unknown;
}

function read(line: string): RawEvent | undefined {
  try {
    const e = JSON.parse(line) as RawEvent;
    return e && typeof e === 'object' && typeof e.auditID === 'string' && typeof e.level === 'string' && typeof e.verb === 'string' ? e : undefined;
  } catch {
    return undefined;
  }
}

const sampled = (e: RawEvent): SampledEvent => ({
  time: e.stageTimestamp ?? e.requestReceivedTimestamp,
  level: e.level as string,
  stage: e.stage,
  verb: e.verb as string,
  user: e.user?.username,
  resource: e.objectRef?.resource,
  namespace: e.objectRef?.namespace,
  name: e.objectRef?.name,
  code: e.responseStatus?.code,
  requestBody: e.requestObject !== undefined,
  responseBody: e.responseObject !== undefined,
});

/** The sample of a log's text, taken at `takenAt` (ISO). */
export function auditSample(text: string, takenAt: string): AuditSample {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const events: RawEvent[] = [];
  let bad = 0;
  let firstBad = 0;
  lines.forEach((l, i) => {
    const e = read(l);
    if (e) events.push(e);
    else if (bad++ === 0) firstBad = i + 1;
  });
  const problems: Bilingual[] = [];
  if (bad > 0)
    problems.push({ en: `${bad} line(s) are not audit events, the first at line ${firstBad}`, zh: `${bad} 行不是审计事件，第一处在第 ${firstBad} 行` });
  if (events.length === 0) problems.push({ en: 'the audit log holds no event', zh: '审计日志中没有事件' });
  const secrets = events.filter((e) => e.objectRef?.resource === 'secrets' && (e.requestObject !== undefined || e.responseObject !== undefined));
  if (secrets.length > 0)
    problems.push({
      en: `${secrets.length} event(s) on Secrets recorded a body: the running audit policy is not the synthesized one, which logs Secrets at Metadata`,
      zh: `${secrets.length} 个 Secret 事件记录了请求或响应内容：运行中的审计策略不是合成的策略（后者对 Secret 只记录 Metadata）`,
    });
  const times = events.map((e) => e.stageTimestamp ?? e.requestReceivedTimestamp ?? '').filter((t) => t !== '');
  const newest = times.length > 0 ? times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)) : undefined;
  if (newest !== undefined && Date.parse(takenAt) - Date.parse(newest) > DAY_MS)
    problems.push({ en: `the newest event is of ${newest}, more than a day before the sample`, zh: `最新事件时间为 ${newest}，早于采样时间一天以上` });
  const byLevel: Record<string, number> = {};
  for (const e of events) byLevel[e.level as string] = (byLevel[e.level as string] ?? 0) + 1;
  // Events (the `events` resource) are left out of the sample: their writes say nothing of the policy, and their
  // generated names (`<object>.<16 hex digits>`) have the shape of a bootstrap token, which the package refuses
  const sample = events.filter((e) => e.objectRef?.resource !== 'events').slice(-SAMPLE);
  return { events: events.length, byLevel, newest, sample: sample.map(sampled), problems };
}
