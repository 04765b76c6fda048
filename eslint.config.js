import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'dist-e2e/', 'docs/api/', 'storybook-static/', 'docs/api/', 'node_modules/', 'bench/node_modules/', 'bench/peers/', '.shots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // demo pages and e2e pages run in the browser
    files: ['demo/**/*.js', 'test/e2e/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Node scripts; their page.evaluate() callbacks run in the browser
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.mjs', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
