import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.kit-build/', 'bench-results/', 'tests/fake-course/submission/', 'tests/hostile/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // A stub's parameters are unused until the learner fills it in.
    files: ['exercises/**/view.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
