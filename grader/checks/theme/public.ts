import { publicChecks } from '../../checking/check.js';
import { expectAnswer } from '../../checking/expect.js';

export default publicChecks([
  {
    id: 'theme/default',
    title: 'Shows the light theme before any choice',
    level: 'easy',
    points: 1,
    hint: 'A new visitor has no theme in the session: read it with a default, `req.session.theme ?? \'light\'`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/theme'), 200, 'Theme: light');
    },
  },
  {
    id: 'theme/set-then-get',
    title: 'Saves a theme, then shows it on the next request',
    level: 'easy',
    points: 2,
    hint: 'Store the posted theme in the session (`req.session.theme = theme`) and read it back in `showTheme`.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/theme', { theme: 'dark' }), 200, 'Theme set to dark');
      expectAnswer(await visitor.get('/theme'), 200, 'Theme: dark');
      expectAnswer(await visitor.post('/theme', { theme: 'light' }), 200, 'Theme set to light');
      expectAnswer(await visitor.get('/theme'), 200, 'Theme: light');
    },
  },
  {
    id: 'theme/invalid-theme',
    title: 'Answers 400 "Invalid theme" for a theme that is neither dark nor light',
    level: 'medium',
    points: 1,
    hint: 'Compare the value with the two allowed themes before storing anything; otherwise answer `res.status(400).send(\'Invalid theme\')` and return.',
    async run(t) {
      expectAnswer(await t.visitor().post('/theme', { theme: 'blue' }), 400, 'Invalid theme');
    },
  },
]);
