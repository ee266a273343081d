/**
 * The names an exercise gets from its slug. The slug names folders, check ids and the routes of the
 * scaffolded example, so it has to be a safe kebab-case word; the handler names and the session key
 * in TypeScript come from it, so it starts with a letter.
 */
import { slugShape } from '../../engine/course/manifest.js';

/** Longest slug: it names folders, check ids and handlers, and a path must stay short on every system. */
export const slugMaxLength = 40;

/** Names Windows refuses for a file or folder, whatever follows them: a learner on Windows could not check the course out. */
const windowsReserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Why `slug` cannot name an exercise, or null when it can. */
export function slugProblem(slug: string): string | null {
  const shown = slug.length > slugMaxLength ? `${slug.slice(0, slugMaxLength)}…` : slug;
  if (!slugShape.test(slug)) {
    return `"${shown}" is not a kebab-case slug: use lowercase letters and digits in words joined by "-", starting with a letter (for example remember-name)`;
  }
  if (slug.length > slugMaxLength) return `"${shown}" is ${slug.length} characters long: a slug has at most ${slugMaxLength}`;
  if (windowsReserved.test(slug)) return `"${slug}" is a name Windows reserves for a device, so no folder can have it: choose another slug`;
  return null;
}

/** What the scaffold calls things for one slug. */
export interface ExerciseNames {
  slug: string;
  /** `remember-name` → `Remember name`: the title shown in reports, until the author writes one. */
  title: string;
  /** `remember-name` → `RememberName`, for handler names (`saveRememberName`). */
  pascal: string;
  /** `remember-name` → `rememberNameValue`: the session key, unique to the exercise. */
  sessionKey: string;
}

export function namesOf(slug: string): ExerciseNames {
  const words = slug.split('-');
  const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
  const pascal = words.map(capital).join('');
  return {
    slug,
    title: capital(words.join(' ')),
    pascal,
    sessionKey: `${pascal.charAt(0).toLowerCase()}${pascal.slice(1)}Value`,
  };
}
