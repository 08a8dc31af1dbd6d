/**
 * The report renderers: a check report in, text out (nothing printed, nothing written). Each format
 * gives its text in pieces (`reportChunks`, for a writer that writes them as they come: a large
 * city's report does not fit in one string) or whole (`renderReport`, the pieces joined).
 */
import { Lang } from '../../config/messages';
import { CheckReport } from '../engine';
import { jsonChunks, renderJson } from './json';
import { markdownChunks, renderMarkdown } from './markdown';
import { renderSarif, sarifChunks, SarifOptions } from './sarif';
import { renderText, textChunks } from './text';
import { junitChunks, renderJunit } from './junit';
import { htmlChunks, renderHtml } from './html/page';
import { Chunks, join } from './chunks';

export { htmlChunks, jsonChunks, junitChunks, markdownChunks, sarifChunks, textChunks };
export { renderHtml, renderJson, renderJunit, renderMarkdown, renderSarif, renderText };
export type { Chunks, SarifOptions };
export { Positions, evidencePosition, formatPosition, parseField, waiverPosition } from '../position';
export type { FilePosition } from '../position';

export type ReportFormat = 'text' | 'markdown' | 'json' | 'sarif' | 'junit';

/** The report in pieces; joined, the text renderReport gives. */
export function reportChunks(report: CheckReport, format: ReportFormat, lang: Lang, opts: SarifOptions = {}): Chunks {
  switch (format) {
    case 'text':
      return textChunks(report, lang);
    case 'markdown':
      return markdownChunks(report, lang);
    case 'json':
      return jsonChunks(report);
    case 'sarif':
      return sarifChunks(report, lang, opts);
    case 'junit':
      return junitChunks(report, lang);
  }
}

export function renderReport(report: CheckReport, format: ReportFormat, lang: Lang, opts: SarifOptions = {}): string {
  return join(reportChunks(report, format, lang, opts));
}
