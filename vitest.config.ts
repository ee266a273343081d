import { defineConfig } from 'vitest/config';

// Two lanes: `unit` drives the engine, the outputs and the check language in process (run it
// while working: npm run test:unit); `end-to-end` runs the commands as a learner and an
// instructor do, the browser, the terminal, releases and other Nodes. `npm test` runs both.
export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    // Grading spawns sandbox processes and waits out deliberate time-outs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // A unit file runs in process and leaves no state behind it, so the files share their
          // workers' modules: the grader is loaded once per worker instead of once per file, which
          // was a third of the lane's time. One worker per processor (vitest's default leaves one
          // free: a single worker on a machine of two).
          isolate: false,
          maxWorkers: '100%',
        },
      },
      {
        extends: true,
        test: {
          name: 'end-to-end',
          include: ['tests/end-to-end/**/*.test.ts'],
          // An end-to-end file spends most of its time waiting on the processes it starts (the
          // commands, their sandbox hosts, deliberate time-outs): more files at once than the
          // machine has processors keep them busy, where vitest's default (one fewer than the
          // processors: a single file at a time on two) leaves them idle.
          maxWorkers: '150%',
        },
      },
    ],
  },
});
