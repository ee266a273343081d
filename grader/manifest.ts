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
  /**
   * The fields a request to this route sends, each with an example value: the body fields of a
   * POST, and one field per parameter of the path (`:name`). `npm run serve` builds its `/_kit`
   * page's forms from them; absent when the route takes nothing.
   */
  fields?: FieldInfo[];
}

/** One field of a route's request, as `npm run serve`'s page offers it to fill in. */
export interface FieldInfo {
  /** The field's name, as the handler reads it (`req.body.<name>`, or `:<name>` in the path). */
  name: string;
  /** A value that the exercise's lesson uses, filled in for the learner to change. */
  example: string;
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

/**
 * The kit's own language routes, in the exercises where the visitor's language shows what a
 * learner's code must keep (delete-key, flash-message) or end with the session (logout).
 */
const kitLanguageRoutes: RouteInfo[] = [
  { method: 'POST', path: '/language', handler: 'kit:saveLanguage', fields: [{ name: 'language', example: 'fr' }] },
  { method: 'GET', path: '/language', handler: 'kit:showLanguage' },
];

/** The kit's own recently viewed pages, which login-rotation carries over to the new session. */
const kitRecentPagesRoutes: RouteInfo[] = [
  { method: 'POST', path: '/viewed', handler: 'kit:addRecentPage', fields: [{ name: 'page', example: 'pricing' }] },
  { method: 'GET', path: '/viewed', handler: 'kit:showRecentPages' },
];

export const manifest: Manifest = {
  formatVersion: 1,
  exercises: [
    {
      slug: 'favorite-color',
      title: 'Favorite color',
      level: 'easy',
      routes: [
        { method: 'POST', path: '/color', handler: 'view:saveColor', fields: [{ name: 'color', example: 'blue' }] },
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
    {
      slug: 'last-page',
      title: 'Last page visited',
      level: 'easy',
      routes: [{ method: 'GET', path: '/pages/:name', handler: 'view:visitPage', fields: [{ name: 'name', example: 'about' }] }],
      hints: [
        'The answer is about the request before this one: read what the session holds before you change it.',
        'Keep the old value in a variable, with a default for a new visitor, then store the current page (`req.path`) in the session.',
        'const previous = req.session.lastPage ?? \'none\'; req.session.lastPage = req.path; then send the sentence with `previous` in it.',
      ],
    },
    {
      slug: 'shopping-cart',
      title: 'Shopping cart',
      level: 'easy',
      routes: [
        { method: 'POST', path: '/cart', handler: 'view:addItem', fields: [{ name: 'item', example: 'apple' }] },
        { method: 'GET', path: '/cart', handler: 'view:showCart' },
        { method: 'POST', path: '/cart/empty', handler: 'view:emptyCart' },
      ],
      hints: [
        'The cart is a list kept in the session: read it with an empty list as the default, and remember that this default is not in the session until you store it.',
        'In `addItem`, build the longer list and assign it to `req.session.cart`; in `showCart`, only read, and treat a list with no items like a missing one.',
        'req.session.cart = [...(req.session.cart ?? []), item]; to show: const cart = req.session.cart ?? []; then `cart.join(\', \')`, or "empty" when `cart.length === 0`.',
      ],
    },
    {
      slug: 'theme',
      title: 'Theme preference',
      level: 'medium',
      routes: [
        { method: 'POST', path: '/theme', handler: 'view:saveTheme', fields: [{ name: 'theme', example: 'dark' }] },
        { method: 'GET', path: '/theme', handler: 'view:showTheme' },
      ],
      hints: [
        'A preference comes from the visitor: check it before it goes into the session, and let reading fall back on a default without storing it.',
        'In `saveTheme`, lowercase the field (when it is a string), answer 400 `Invalid theme` unless it is exactly "dark" or "light", and only then store it; in `showTheme`, use `?? \'light\'`.',
        'const theme = typeof req.body.theme === \'string\' ? req.body.theme.toLowerCase() : \'\'; if (theme !== \'dark\' && theme !== \'light\') { res.status(400).send(\'Invalid theme\'); return; } req.session.theme = theme;',
      ],
    },
    {
      slug: 'delete-key',
      title: 'Delete a key',
      level: 'medium',
      routes: [
        { method: 'POST', path: '/login', handler: 'view:login', fields: [{ name: 'username', example: 'alice' }] },
        { method: 'GET', path: '/whoami', handler: 'view:whoami' },
        { method: 'POST', path: '/logout', handler: 'view:logout' },
        ...kitLanguageRoutes,
      ],
      hints: [
        'Logging out here removes one key, `username`, and keeps everything else in the session (the chosen language, for one).',
        'The `delete` operator removes a key from an object, and it does nothing at all when the key is not there: no check needed before it.',
        'In `logout`: `delete req.session.username; res.send(\'Logged out\');` (do not destroy the whole session).',
      ],
    },
    {
      slug: 'flash-message',
      title: 'Flash message',
      level: 'medium',
      routes: [
        { method: 'POST', path: '/flash', handler: 'view:saveFlash', fields: [{ name: 'message', example: 'Welcome back' }] },
        { method: 'GET', path: '/flash', handler: 'view:showFlash' },
        ...kitLanguageRoutes,
      ],
      hints: [
        'A flash message is read and removed in the same request: the first GET shows it, and after that it is gone from the session.',
        'Order matters: keep the message in a variable first, then remove the key with `delete` (not by setting it to \'\' or null), then answer with the variable.',
        'In `showFlash`: const message = req.session.flash; delete req.session.flash; then send `Message: ${message ?? \'none\'}`.',
      ],
    },
    {
      slug: 'logout',
      title: 'Log out',
      level: 'hard',
      routes: [
        { method: 'POST', path: '/login', handler: 'view:login', fields: [{ name: 'username', example: 'alice' }] },
        { method: 'GET', path: '/whoami', handler: 'view:whoami' },
        { method: 'POST', path: '/logout', handler: 'view:logout' },
        ...kitLanguageRoutes,
      ],
      hints: [
        'Logging out here ends the whole session, in two places: the server forgets it, and the browser forgets its cookie.',
        '`req.session.destroy(callback)` removes the session from the store; express-session leaves its `connect.sid` cookie alone, so clear it yourself with `res.clearCookie()` before you answer.',
        'In `logout`: req.session.destroy(() => { res.clearCookie(\'connect.sid\'); res.send(\'Logged out\'); });',
      ],
    },
    {
      slug: 'login-rotation',
      title: 'A new session ID at login',
      level: 'hard',
      routes: [
        ...kitRecentPagesRoutes,
        { method: 'POST', path: '/login', handler: 'view:login', fields: [{ name: 'username', example: 'alice' }] },
        { method: 'GET', path: '/whoami', handler: 'view:whoami' },
      ],
      hints: [
        'Logging in must give the visitor a new session ID, so that an ID someone else planted or saw before the login is worth nothing afterwards.',
        '`req.session.regenerate(callback)` throws the old session away and starts a new, empty one with a new ID: keep the recently viewed pages in a variable before, put them back inside the callback.',
        'const recentPages = req.session.recentPages; req.session.regenerate((error) => { if (error) { res.status(500).send(\'Could not log in\'); return; } if (recentPages) req.session.recentPages = recentPages; req.session.username = username; res.send(`Logged in as ${username}`); });',
      ],
    },
    {
      slug: 'user-id',
      title: 'Keep only the user ID',
      level: 'hard',
      routes: [
        { method: 'POST', path: '/login', handler: 'view:login', fields: [{ name: 'username', example: 'alice' }, { name: 'password', example: 'wonderland' }] },
        { method: 'GET', path: '/me', handler: 'view:me' },
      ],
      hints: [
        'The user record holds a password hash, and the session store is no place for it: keep the smallest thing that names the user.',
        'In `login`, find the user with `findUserByName`, check the password with `checkPassword`, then store only `user.id`; in `me`, get the user back with `findUserById`.',
        'req.session.userId = user.id; and in `me`: const user = req.session.userId === undefined ? undefined : findUserById(req.session.userId);',
      ],
    },
    {
      slug: 'remember-me',
      title: 'Remember me',
      level: 'hard',
      routes: [
        { method: 'POST', path: '/login', handler: 'view:login', fields: [{ name: 'username', example: 'alice' }, { name: 'remember', example: 'on' }] },
        { method: 'GET', path: '/whoami', handler: 'view:whoami' },
      ],
      hints: [
        'A cookie without an expiry lasts until the browser closes; a cookie with one survives a restart. "Remember me" decides which the session cookie gets.',
        'The session cookie\'s settings are on `req.session.cookie`; its `maxAge` is counted in milliseconds, and only a remembered login should get one.',
        "if (req.body.remember === 'on') req.session.cookie.maxAge = 30 * 24 * 60 * 60 * 1000;",
      ],
    },
  ],
};

/** The exercise with this slug, or undefined. */
export function findExercise(slug: string): ExerciseInfo | undefined {
  return manifest.exercises.find((exercise) => exercise.slug === slug);
}
