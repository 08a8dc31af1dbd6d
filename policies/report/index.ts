/** The report renderers: a check report in, a string out (nothing printed, nothing written). */
import { Lang } from '../../config/messages';
import { CheckReport } from '../engine';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderSarif, SarifOptions } from './sarif';
import { renderText } from './text';
import { renderJunit } from './junit';
import { renderHtml } from './html/page';

export { renderHtml, renderJson, renderJunit, renderMarkdown, renderSarif, renderText };
export type { SarifOptions };
export { Positions, evidencePosition, formatPosition, parseField, waiverPosition } from '../position';
export type { FilePosition } from '../position';

export type ReportFormat = 'text' | 'markdown' | 'json' | 'sarif' | 'junit';

export function renderReport(report: CheckReport, format: ReportFormat, lang: Lang, opts: SarifOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, lang);
    case 'markdown':
      return renderMarkdown(report, lang);
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, lang, opts);
    case 'junit':
      return renderJunit(report, lang);
  }
}
