// The one lint and format configuration (npm run lint; npm run format applies the fixes).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const markupFromStrings = 'Page text is untrusted: build nodes and set textContent, never markup from strings.';

export default tseslint.config(
  { ignores: ['dist/', 'dist-firefox/', 'node_modules/', 'test/.cache/', 'test/.artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  stylistic.configs.customize({ indent: 2, quotes: 'single', semi: true, jsx: true, arrowParens: true }),
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@stylistic/max-len': ['error', { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
      '@stylistic/operator-linebreak': ['error', 'before', { overrides: { '=': 'after' } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'eqeqeq': ['error', 'always'],
    },
  },
  {
    files: ['src/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: markupFromStrings },
        { property: 'outerHTML', message: markupFromStrings },
        { property: 'insertAdjacentHTML', message: markupFromStrings },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]', message: markupFromStrings },
        { selector: 'CallExpression[callee.property.name="write"][callee.object.name="document"]', message: markupFromStrings },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The extension pages stay in parts a reader takes in at once: a file per responsibility, short functions.
    files: ['src/options/**', 'src/popup/**', 'src/ui/**'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // Fixture pages stand in for the sites' own code: they may build markup as the sites do.
    files: ['test/fixtures/**'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
