import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Grading spawns sandbox processes and waits out deliberate time-outs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
