import { knownMistakes } from '../../checking/mistake.js';

export default knownMistakes([
  {
    id: 'default-written-on-read',
    title: 'showing the theme writes the default "light" into the session, starting a session for every passer-by',
    hint: 'Showing the theme only reads: use "light" as a default in the answer without storing it, or every passer-by gets a session.',
    fails: ['theme/read-stores-nothing'],
  },
  {
    id: 'invalid-stored',
    title: 'the theme is stored before it is checked, so a refused theme replaces the saved one',
    hint: 'Check first, store after: a refused theme must leave the saved one as it was.',
    fails: ['theme/invalid-changes-nothing'],
  },
  {
    id: 'module-variable',
    title: 'one theme kept in a variable of the module, which every visitor shares',
    hint: 'A variable of the module is one theme for the whole server: keep each visitor\'s theme in their own session.',
    fails: ['theme/visitors-apart', 'theme/data-on-server', 'theme/read-stores-nothing', 'theme/theme-from-store', 'theme/tampered-cookie', 'theme/session-kept'],
  },
  {
    id: 'stored-as-typed',
    title: 'the lowercase value is checked but the value as typed is stored, so "Dark" shows as "Dark"',
    hint: 'Store the same lowercase value you checked, so that "Dark" is kept, and shown, as "dark".',
    fails: ['theme/letter-case'],
  },
  {
    id: 'substring-check',
    title: 'the theme is checked with a substring test, so "", "ark" and other parts of "dark light" are accepted and stored',
    hint: 'Compare the whole value with "dark" and with "light": a part of a name, or an empty field, is not a theme.',
    fails: ['theme/invalid-theme', 'theme/invalid-changes-nothing'],
  },
  {
    id: 'theme-in-cookie',
    title: 'the theme travels in a cookie of its own instead of the session',
    hint: 'Keep the theme in `req.session`, on the server: a cookie of your own sends it to the browser, which can change it.',
    fails: ['theme/data-on-server', 'theme/theme-from-store', 'theme/tampered-cookie', 'theme/session-kept'],
  },
  {
    id: 'anything-else-is-light',
    title: 'anything but dark is taken as light, so invalid input is stored instead of refused',
    hint: 'Two values are allowed, and everything else is an error that changes nothing. Compare the lowercase input with both `dark` and `light`, and answer 400 for anything else.',
    fails: ['theme/invalid-theme', 'theme/invalid-changes-nothing', 'theme/letter-case'],
  },
  {
    id: 'exact-case-match',
    title: 'the theme must be typed exactly in lower case, so Dark and DARK are refused',
    hint: 'Letter case does not matter here: lower-case the input first, then compare it with `dark` and `light`, and store the lowercase value.',
    fails: ['theme/letter-case'],
    evidence: (seen) => seen.exchanges.some((exchange) => exchange.status === 400 && /[A-Z]/.test(exchange.fields?.theme ?? '')),
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the theme kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the theme lives: read it from `req.session` when showing it, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['theme/theme-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
  },
]);
