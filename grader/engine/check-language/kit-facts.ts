/**
 * What the kit's own routes keep in a visitor's session (`sandbox/kit-handlers.ts`: the chosen
 * language, the recently viewed pages), read from the grader's copy of the store. Those routes run
 * in the learner's process, where learner code can put itself in front of them and rewrite their
 * answers: a check may still call them to set a fact (the write goes through express-session into
 * the grader's store), but what it concludes of a fact comes from here, never from their answers.
 */
import type { CheckContext, SessionRecord } from './context.js';
import { expectThat, storedData } from './expect.js';
import type { Visitor } from './visitor.js';

/** The facts a check expects; a fact left out is not looked at. */
export interface KitFacts {
  /** The language chosen with `POST /language`, as the kit stores it (`language`); null: none. */
  language?: string | null;
  /** The pages sent to `POST /viewed`, the most recent first, as the kit stores them (`recentPages`). */
  recentPages?: string[];
}

function languageIn(record: SessionRecord): string | null {
  const stored: unknown = record['language'];
  return typeof stored === 'string' ? stored : null;
}

function recentPagesIn(record: SessionRecord): string[] {
  const stored: unknown = record['recentPages'];
  return Array.isArray(stored) ? stored.filter((page): page is string => typeof page === 'string') : [];
}

const describeLanguage = (language: string | null): string => (language === null ? 'no chosen language' : `the language "${language}"`);
const describePages = (pages: string[]): string => (pages.length === 0 ? 'no recently viewed pages' : `the recently viewed pages ${pages.join(', ')}`);

/**
 * The visitor's stored session (the one its session cookie names) holds `wanted`; `when` says
 * where the check stands ("after POST /logout"), as the failure begins.
 */
export async function expectKitFacts(t: Pick<CheckContext, 'sessionOf'>, visitor: Visitor, wanted: KitFacts, when: string): Promise<void> {
  const record = await t.sessionOf(visitor);
  const held = record === null ? 'the store holds no session for this visitor' : null;
  if (wanted.language !== undefined) {
    const language = record && languageIn(record);
    expectThat(
      language === wanted.language,
      `${when}, ${held ?? `the visitor's stored session holds ${describeLanguage(language)}`}, expected ${describeLanguage(wanted.language)}`,
      describeLanguage(wanted.language),
      storedData(record),
    );
  }
  if (wanted.recentPages !== undefined) {
    const pages = record === null ? [] : recentPagesIn(record);
    expectThat(
      pages.join('\n') === wanted.recentPages.join('\n'),
      `${when}, ${held ?? `the visitor's stored session holds ${describePages(pages)}`}, expected ${describePages(wanted.recentPages)}`,
      describePages(wanted.recentPages),
      storedData(record),
    );
  }
}
