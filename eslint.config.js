import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// One linter for the whole tree. Type-aware rules are left out to keep `npm test` quick; tsc --noEmit
// (strict) runs beside it.
export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'reports/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with createElement/textContent.' },
        { property: 'outerHTML', message: 'Build DOM with createElement/textContent.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with createElement/textContent.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // WXT's auto-imported globals (defineBackground, defineContentScript …) are typed by .wxt/.
    files: ['entrypoints/**'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'no-undef': 'off' },
  },
);
