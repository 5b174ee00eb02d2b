// ESLint flat config. The key rule is the import boundary: the core stays pure (no I/O, no editor APIs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What the pure core may not import. */
const CORE_PATHS = [
  { name: 'vscode', message: 'The core is pure: no editor APIs.' },
  { name: 'fs', message: 'The core is pure: no I/O.' },
  { name: 'path', message: 'The core is pure: no I/O.' },
  { name: 'process', message: 'The core is pure: no process state.' },
];
const CORE_PATTERNS = [
  { group: ['node:*'], message: 'The core is pure: no Node.js modules.' },
  { group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'The core is pure: no LSP libraries.' },
  { group: ['**/cli/**', '**/cli', '**/features/**'], message: 'Dependencies point into the core, never out of it.' },
];
const LAYOUT_ONLY_IN_RENDER = { group: ['@dagrejs/*'], message: 'Only core/render lays out graphs: keep the layout library in that folder.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', 'coverage/**', 'server/src/core/generated/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/**/*.ts'],
    rules: {
      // Spreading an array into arguments throws past about 120,000 items, and a hostile file reaches that.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(push|unshift|splice|max|min|fromCharCode|apply|concat)$/] > SpreadElement',
          message: 'Spreading an array into arguments overflows the stack on large inputs: use appendAll() or a loop.',
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: CORE_PATHS, patterns: [...CORE_PATTERNS, LAYOUT_ONLY_IN_RENDER] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The core is pure: take what you need as a parameter.' }],
    },
  },
  {
    // The diagram renderer is the one part of the core that may use the layout library.
    files: ['server/src/core/render/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: CORE_PATHS, patterns: CORE_PATTERNS }] },
  },
);
