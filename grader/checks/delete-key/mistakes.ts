import { knownMistakes } from '../../checking/mistake.js';

export default knownMistakes([
  {
    id: 'clears-cookie-only',
    title: 'logout only tells the browser to drop its cookie; the server still has the user',
    hint: 'Clearing the cookie only asks the browser to forget it: the session on the server still names the user, and anyone who kept the cookie is still logged in. Remove the user\'s key from the session itself.',
    fails: ['delete-key/language-survives', 'delete-key/replay-after-logout'],
  },
  {
    id: 'destroys-session',
    title: 'logout destroys the whole session, and the chosen language goes with it',
    hint: 'Logging out here removes one key, not the session: take out only the username and leave the rest (the language, the session ID) as it was.',
    fails: ['delete-key/language-survives'],
  },
  {
    id: 'throws-when-missing',
    title: 'logout insists the username exists, like Django\'s KeyError, and fails for a guest',
    hint: 'A guest may log out too: removing a key the session does not have is harmless in JavaScript, so do not require it to be there first.',
    fails: ['delete-key/logout-nobody'],
    evidence: 'POST /logout failed: the handler threw',
  },
]);
