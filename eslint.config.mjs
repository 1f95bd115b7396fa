// ESLint flat config. The folder rules below are the architecture: renderer/ is UI only,
// shared/ is pure TypeScript, and only a few thin files in main/ may touch Electron.
import { builtinModules } from 'node:module';

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = builtinModules.flatMap((name) => [name, `node:${name}`]);

/** Files allowed to import 'electron' at run time: the thin shell. */
const ELECTRON_FILES = [
  'main/index.ts',
  'main/preload.ts',
  'main/ipc/register-ipc.ts',
  'main/security/harden-web-contents.ts',
  'main/clipboard/electron-clipboard.ts',
  'main/fleet/electron-save-dialog.ts',
];

const electronOnlyInShell = {
  name: 'electron',
  message:
    'Only the thin shell files may import electron (see ELECTRON_FILES in eslint.config.mjs).',
  allowTypeImports: true,
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'test-output/',
      'build/*.cjs',
      'test/tooling/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ELECTRON_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnlyInShell,
            { name: 'keytar', message: 'Only main/secrets/keytar-secret-store.ts imports keytar.' },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['main/secrets/keytar-secret-store.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer never touches Electron: call main through window.assistant.',
            },
            { name: 'keytar', message: 'Secrets live in main.' },
            { name: 'axios', message: 'The renderer makes no HTTP calls: main does.' },
            ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer has no Node.js.' })),
          ],
          patterns: [
            {
              group: ['**/main/**', '../main', '../../main'],
              message: 'The renderer reaches main only through window.assistant.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is pure TypeScript.' },
            { name: 'react', message: 'shared/ is pure TypeScript.' },
            ...NODE_BUILTINS.map((name) => ({
              name,
              message: 'shared/ is pure TypeScript: no Node.js.',
            })),
          ],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'shared/ depends on nothing but itself and zod.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: [
      '**/*.mjs',
      '**/*.cjs',
      '*.config.mts',
      'electron.vite.config.mts',
      'vitest.config.mts',
    ],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-restricted-syntax': 'off' },
  },
);
