// ESLint flat config: JavaScript and typescript-eslint recommended rules, with type information for the TypeScript
// files (projectService reads tsconfig.json), and eslint-config-prettier last so no rule fights the formatter.
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Generated or installed, not written here (synth output with its Lambda bundles, build output), and the
    // Handlebars templates of nginx, gunicorn, Python and Dockerfiles.
    ignores: [
      '**/node_modules/',
      'generated/',
      'dist/',
      'coverage/',
      '**/cdktf.out/',
      '.stackwright-staging-*/',
      'templates/',
    ],
  },
  js.configs.recommended,
  comments.recommended,
  {
    // A disabled rule says why, on the same line (`// eslint-disable-next-line rule -- reason`), and a disable
    // comment that no longer disables anything fails the lint.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { '@eslint-community/eslint-comments/require-description': 'error' },
  },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // The shipped code and its scripts get the type-checked set. Tests read schemaless parsed JSON by path (see
    // test/helpers/json.ts), which every no-unsafe-* rule of that set would flag; they get the promise rules below.
    files: ['src/**/*.ts', 'stacks/**/*.ts', 'packages/*/src/**/*.ts', 'perf/**/*.ts', 'scripts/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // An async CLI command or server callback whose promise nobody awaits loses its errors and its exit code.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Unused names start with `_` where a signature needs them (tsc's noUnusedLocals/Parameters check the rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `require('./x') as typeof import('./x')` is how this CommonJS code loads a stack, the benchmark toolkit or a
      // measured module on first use, synchronously; import() would make those call paths async.
      '@typescript-eslint/no-require-imports': 'off',
      // The `!` on an indexed read marks an index known to be in range (tsconfig does not set noUncheckedIndexedAccess,
      // so this rule calls every one redundant), and a yargs default asserted to its choice type keeps the option typed.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.js'],
    languageOptions: { globals: globals.jest },
  },
  prettier,
);
