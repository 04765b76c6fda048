import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'docs/api/', 'node_modules/', 'bench/node_modules/', 'bench/peers/'] },
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
    files: ['demo/**/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', location: 'readonly', navigator: 'readonly', URL: 'readonly',
        URLSearchParams: 'readonly', FormData: 'readonly', Option: 'readonly', ResizeObserver: 'readonly',
        addEventListener: 'readonly',
      },
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '.ci/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', performance: 'readonly', document: 'readonly', window: 'readonly', requestAnimationFrame: 'readonly' } },
  },
);
