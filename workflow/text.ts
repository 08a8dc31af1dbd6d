/** Text people read, in both languages; identifiers stay in English. */
import type { Bilingual } from '../config/vocabulary';
import { Lang } from '../config/messages';

export type { Lang };

export type Text = Bilingual;

/** An error whose message is in one language and whose `text` carries both. */
export class WorkflowError extends Error {
  readonly text: Text;

  constructor(text: Text, lang: Lang) {
    super(text[lang]);
    this.name = 'WorkflowError';
    this.text = text;
  }
}
