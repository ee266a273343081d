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
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'end-to-end', include: ['tests/end-to-end/**/*.test.ts'] } },
    ],
  },
});
