/**
 * What a check is. Checks live in `exercises/<slug>/checks.ts` (public) and
 * `solutions/<slug>/checks.ts` (hidden): the folder says who may see a check's code and details,
 * so a learner's copy is made by leaving `solutions/` out.
 */
import type { Level } from '../course/manifest.js';
import type { CheckContext } from './context.js';

/** Public: on failure the learner sees the requests, expected and actual. Hidden: title, passed or failed, hint. */
export type Visibility = 'public' | 'hidden';

/** A check as its author writes it. */
export interface CheckSpec {
  /** Unique in the whole kit: `<slug>/<what-it-proves>`, kebab-case. */
  id: string;
  /** What the check proves, as the learner reads it in the report. */
  title: string;
  /** How hard the behaviour is to get right. */
  level: Level;
  /** What passing the check is worth. */
  points: number;
  /** What to try when the check fails: it teaches, without giving the code away. */
  hint: string;
  /** Talks to the learner's app; throws `CheckFailure` (through the expect helpers) to fail. */
  run(context: CheckContext): Promise<void>;
}

/** A check with the visibility its file gives it. */
export interface Check extends CheckSpec {
  visibility: Visibility;
}

/** The checks of `exercises/<slug>/checks.ts`: their details are shown to the learner. */
export function publicChecks(specs: CheckSpec[]): Check[] {
  return specs.map((spec) => ({ ...spec, visibility: 'public' }));
}

/** The checks of `solutions/<slug>/checks.ts`: left out of a learner's copy, shown only by title and hint. */
export function hiddenChecks(specs: CheckSpec[]): Check[] {
  return specs.map((spec) => ({ ...spec, visibility: 'hidden' }));
}
