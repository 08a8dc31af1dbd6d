/**
 * Escaping for the HTML report. Every string from the model or the findings (tenant names, display
 * names, waiver reasons, evidence details: they come from request files) goes through `esc` before it
 * reaches the page, so that a hostile request file shows its text and never adds markup.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in a quoted attribute value. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A fragment id from any text: letters, digits and dashes only, so it needs no escaping in `href="#…"`. */
export function anchorId(prefix: string, s: string): string {
  return `${prefix}-${s.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`;
}
