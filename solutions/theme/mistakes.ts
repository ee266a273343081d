import { knownMistakes } from '../../grader/engine/check-language/mistake.js';

// Each evidence is self-contained, using only `seen`: a learner's copy gets it as code of its own.

export default knownMistakes([
  {
    id: 'default-written-on-read',
    title: 'showing the theme writes the default "light" into the session, starting a session for every passer-by',
    hint: 'Showing the theme only reads: use "light" as a default in the answer without storing it, or every passer-by gets a session.',
    fails: ['theme/read-stores-nothing'],
    evidence: (seen) => seen.stored((value) => value === 'light', 'GET /theme'),
    lookalikes: ['read-counts-views'],
  },
  {
    id: 'invalid-stored',
    title: 'the theme is stored before it is checked, so a refused theme replaces the saved one',
    hint: 'Check first, store after: a refused theme must leave the saved one as it was.',
    fails: ['theme/invalid-changes-nothing'],
    evidence: (seen) => seen.storedWhatWasRefused('POST /theme'),
    lookalikes: ['refused-drops-theme'],
  },
  {
    id: 'module-variable',
    title: 'one theme kept in a variable of the module, which every visitor shares',
    hint: 'A variable of the module is one theme for the whole server: keep each visitor\'s theme in their own session.',
    fails: ['theme/visitors-apart', 'theme/data-on-server', 'theme/read-stores-nothing', 'theme/theme-from-store', 'theme/tampered-cookie', 'theme/session-kept'],
    // A browser with no cookie at all has chosen nothing: "dark" is another visitor's choice.
    evidence: (seen) => seen.answeredNewVisitor(/^Theme: dark\s*$/, 'GET /theme'),
    noLookalike: 'A visitor with no cookie at all shown the dark theme, which only a choice gives, sees another visitor\'s choice: state shared by the whole server, however it is kept.',
  },
  {
    id: 'stored-as-typed',
    title: 'the lowercase value is checked but the value as typed is stored, so "Dark" shows as "Dark"',
    hint: 'Store the same lowercase value you checked, so that "Dark" is kept, and shown, as "dark".',
    fails: ['theme/letter-case'],
    // A theme stored with capitals, by an app that takes no other value: one that checks nothing stores as typed too.
    evidence: (seen) =>
      seen.stored((value) => typeof value === 'string' && /^(dark|light)$/i.test(value) && value !== value.toLowerCase(), 'POST /theme') &&
      !seen.exchanges.some((exchange) => exchange.method === 'POST' && exchange.path === '/theme' && exchange.status < 300 && !/^(dark|light)$/i.test(exchange.fields?.theme ?? '')),
    lookalikes: ['exact-case-match', 'answer-as-typed'],
  },
  {
    id: 'substring-check',
    title: 'the theme is checked with a substring test, so "", "ark" and other parts of "dark light" are accepted and stored',
    hint: 'Compare the whole value with "dark" and with "light": a part of a name, or an empty field, is not a theme.',
    fails: ['theme/invalid-theme', 'theme/invalid-changes-nothing'],
    // A piece of a name accepted: a blank taken as a default is not a substring test.
    evidence: (seen) =>
      seen.exchanges.some((exchange) => {
        const theme = exchange.fields?.theme?.toLowerCase() ?? '';
        return exchange.method === 'POST' && exchange.path === '/theme' && exchange.status < 300 && theme.trim() !== '' && !['dark', 'light'].includes(theme) && 'dark light'.includes(theme);
      }),
    lookalikes: ['blank-means-light'],
  },
  {
    id: 'theme-in-cookie',
    title: 'the theme travels in a cookie of its own instead of the session',
    hint: 'Keep the theme in `req.session`, on the server: a cookie of your own sends it to the browser, which can change it.',
    fails: ['theme/data-on-server', 'theme/theme-from-store', 'theme/tampered-cookie', 'theme/session-kept'],
    evidence: (seen) => seen.showedOwnCookie('GET /theme'),
    lookalikes: ['hand-rolled-session'],
  },
  {
    id: 'anything-else-is-light',
    title: 'anything but dark is taken as light, so invalid input is stored instead of refused',
    hint: 'Two values are allowed, and everything else is an error that changes nothing. Compare the lowercase input with both `dark` and `light`, and answer 400 for anything else.',
    fails: ['theme/invalid-theme', 'theme/invalid-changes-nothing', 'theme/letter-case'],
    evidence: (seen) =>
      seen.exchanges.some((exchange) => exchange.method === 'POST' && exchange.path === '/theme' && exchange.status < 300 && !/^(dark|light)$/i.test(exchange.fields?.theme ?? '') && /^Theme set to light\s*$/.test(exchange.text)),
    lookalikes: ['never-checked'],
  },
  {
    id: 'exact-case-match',
    title: 'the theme must be typed exactly in lower case, so Dark and DARK are refused',
    hint: 'Letter case does not matter here: lower-case the input first, then compare it with `dark` and `light`, and store the lowercase value.',
    fails: ['theme/letter-case'],
    // Every theme with capitals refused, and none in lower case: one refused after another was taken,
    // or a lowercase one refused too, is refused for another reason.
    evidence: (seen) => {
      const themes = seen.exchanges.filter((exchange) => exchange.method === 'POST' && exchange.path === '/theme' && /^(dark|light)$/i.test(exchange.fields?.theme ?? ''));
      const capitals = themes.filter((exchange) => /[A-Z]/.test(exchange.fields?.theme ?? ''));
      const lowercase = themes.filter((exchange) => !/[A-Z]/.test(exchange.fields?.theme ?? ''));
      return capitals.some((exchange) => exchange.status === 400) && capitals.every((exchange) => exchange.status === 400) && lowercase.every((exchange) => exchange.status < 300);
    },
    lookalikes: ['stored-as-typed', 'answer-as-typed'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the theme kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the theme lives: read it from `req.session` when showing it, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['theme/theme-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
    lookalikes: ['kept-in-capitals'],
  },
  {
    id: 'no-default',
    title: 'the theme is shown without a default, so a visitor who chose none reads "undefined"',
    hint: 'A key the session does not have reads as `undefined`: give the answer a default with `??`, as the lesson does with "light".',
    fails: ['theme/default', 'theme/visitors-apart', 'theme/read-stores-nothing', 'theme/tampered-cookie'],
    evidence: (seen) => seen.answered(/\bundefined\b/, 'GET /theme'),
    lookalikes: ['default-in-other-words'],
  },
  {
    id: 'key-mismatch',
    title: 'the theme is stored under one key and read from another (a typo?), so the saved theme is never shown',
    hint: 'Look at the key you write in `saveTheme` and the key you read in `showTheme`: they must be the same name, letter for letter.',
    fails: ['theme/set-then-get', 'theme/invalid-changes-nothing', 'theme/letter-case', 'theme/visitors-apart', 'theme/data-on-server', 'theme/theme-from-store', 'theme/tampered-cookie'],
    evidence: (seen) => seen.storedButNotShown('GET /theme'),
    lookalikes: ['shown-capitalized'],
  },
  {
    id: 'reads-query',
    title: 'every theme sent is refused as invalid: the theme is read from somewhere a form\'s POST does not put it (`req.query`?)',
    hint: 'A form posts its fields in the request\'s body: read the theme from `req.body`, which the kit parses for you.',
    fails: ['theme/set-then-get', 'theme/invalid-changes-nothing', 'theme/letter-case', 'theme/visitors-apart', 'theme/data-on-server', 'theme/theme-from-store', 'theme/tampered-cookie', 'theme/session-kept'],
    // "dark" itself refused, as the lesson writes it: no rule about themes refuses that.
    evidence: (seen) => seen.exchanges.some((exchange) => exchange.method === 'POST' && exchange.path === '/theme' && exchange.status === 400 && /^(dark|light)$/.test(exchange.fields?.theme ?? '')),
    lookalikes: ['never-stored'],
  },
]);
