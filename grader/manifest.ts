/**
 * The course: every exercise of the kit, in the order a learner takes them.
 *
 * This file is the one list of exercises. Folders, checks and lessons are found from the slugs
 * here, and `npm run check` fails when they disagree. Run-time state (scores, hints shown) lives
 * elsewhere, in `.kit-state/`, never here.
 */

/** How hard a check or an exercise is, as the course's quizzes grade their questions. */
export type Level = 'easy' | 'medium' | 'hard';

/** An HTTP method the kit routes. */
export type Method = 'GET' | 'POST';

/** One route of an exercise's app, wired by the kit (the learner writes only the handler). */
export interface RouteInfo {
  /** The HTTP method the route answers. */
  method: Method;
  /** The path, as Express matches it, for example `/color`. */
  path: string;
  /**
   * Who answers: `view:<name>` is the function `<name>` that the learner's `view.ts` exports;
   * `kit:<name>` is a handler the kit itself provides (see `grader/sandbox/kit-handlers.ts`), used
   * where an exercise needs a route the learner does not write.
   */
  handler: `view:${string}` | `kit:${string}`;
}

/** What the kit knows of one exercise before anything is graded. */
export interface ExerciseInfo {
  /** Kebab-case name; also the folder under `exercises/`, `solutions/` and `grader/checks/`. */
  slug: string;
  /** The title shown in reports and lists. */
  title: string;
  /** How hard the exercise is overall; the manifest is ordered from easy to hard. */
  level: Level;
  /** The routes of the exercise's app, in the order they are registered. */
  routes: RouteInfo[];
  /** Progressive hints, from a nudge to nearly the answer; `npm run hint` shows them in order. */
  hints: string[];
}

/** The stored manifest: a version so that tools can refuse a layout they do not know. */
export interface Manifest {
  /** Bumped when the shape of this file changes in a way tools must know about. */
  formatVersion: 1;
  /** The exercises, easiest first. */
  exercises: ExerciseInfo[];
}

export const manifest: Manifest = {
  formatVersion: 1,
  exercises: [
    {
      slug: 'favorite-color',
      title: 'Favorite color',
      level: 'easy',
      routes: [
        { method: 'POST', path: '/color', handler: 'view:saveColor' },
        { method: 'GET', path: '/color', handler: 'view:showColor' },
      ],
      hints: [
        'The session is an object on the request: whatever you put on `req.session` is there again on the next request of the same visitor.',
        'In `saveColor`, read `req.body.color`; answer 400 `Missing color` when it is missing or only spaces, otherwise store it as `req.session.color`.',
        'In `showColor`, use a default for a visitor who has saved nothing: `req.session.color ?? \'unknown\'`.',
      ],
    },
    {
      slug: 'visit-counter',
      title: 'Visit counter',
      level: 'easy',
      routes: [{ method: 'GET', path: '/visits', handler: 'view:countVisit' }],
      hints: [
        'Each visitor has a session of their own; a count kept anywhere else (a variable in the module) is shared by everybody.',
        'Read the old count with a default of 0, add one, and store the new count back in the session before you answer.',
        'const visits = (req.session.visits ?? 0) + 1; req.session.visits = visits; then send the sentence with `visits` in it.',
      ],
    },
    // ANCHOR last-page
    // ANCHOR shopping-cart
    // ANCHOR theme
    {
      slug: 'delete-key',
      title: 'Delete a key',
      level: 'medium',
      routes: [
        { method: 'POST', path: '/login', handler: 'view:login' },
        { method: 'GET', path: '/whoami', handler: 'view:whoami' },
        { method: 'POST', path: '/logout', handler: 'view:logout' },
        { method: 'POST', path: '/theme', handler: 'kit:saveTheme' },
        { method: 'GET', path: '/theme', handler: 'kit:showTheme' },
      ],
      hints: [
        'Logging out here removes one key, `username`, and keeps everything else in the session (the theme, for one).',
        'The `delete` operator removes a key from an object, and it does nothing at all when the key is not there: no check needed before it.',
        'In `logout`: `delete req.session.username; res.send(\'Logged out\');` (do not destroy the whole session).',
      ],
    },
    // ANCHOR flash-message
    // ANCHOR logout
    // ANCHOR login-rotation
    // ANCHOR user-id
    // ANCHOR remember-me
  ],
};

/** The exercise with this slug, or undefined. */
export function findExercise(slug: string): ExerciseInfo | undefined {
  return manifest.exercises.find((exercise) => exercise.slug === slug);
}
