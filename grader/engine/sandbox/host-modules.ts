/**
 * The packages the sandbox host gives a view itself (`exercise-app.ts`): the kit's own copies,
 * bundled into the host. The grader's compile leaves them out of a view's bundle
 * (`grading/compile.ts`), so that the view shares the host's express-session, whose store is the
 * grader's.
 */
export const hostModules = ['express', 'express-session', 'session-kit/users'] as const;

export type HostModule = (typeof hostModules)[number];
