// The one lint and format configuration (npm run lint; npm run format applies the fixes).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const markupFromStrings = 'Page text is untrusted: build nodes and set textContent, never markup from strings.';

/** A layer's files may not import from the folders of src named in `above`. */
function layer(files, above, { external = [], browser = false } = {}) {
  const patterns = [
    ...above.map((folder) => ({
      // Imports are matched as written: src/core/sites (the sites' declarations, pure data) is core's.
      group: [`**/${folder}/*`, `**/${folder}`, `!**/core/${folder}`, `!**/core/${folder}/*`, `!./${folder}`, `!./${folder}/*`],
      message: `${files.split('/')[1]} may not import from src/${folder} (see the layers in eslint.config.js).`,
    })),
    ...external.map((name) => ({ group: [name], message: `${files.split('/')[1]} stays free of ${name}.` })),
  ];
  const paths = ['webextension-polyfill', ...(browser ? ['../shared/browser'] : [])].map((name) => ({
    name,
    message: 'The WebExtension API is reached through src/shared/browser.ts only.',
  }));
  return {
    files: [files],
    ignores: ['src/shared/browser.ts', 'src/shared/browser-lite.ts'],
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'dist-firefox/', 'dist-dev/', 'node_modules/', 'test/.cache/', 'test/.artifacts/'] },
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
  // The layers: core <- shared <- sites <- content / background / popup / options / ui. A layer
  // imports only from those before it, and only src/shared/browser.ts touches the WebExtension API.
  layer('src/core/**', ['shared', 'sites', 'content', 'background', 'popup', 'options', 'ui'], {
    external: ['webextension-polyfill', 'preact', 'preact/*', 'idb'],
  }),
  layer('src/shared/**', ['sites', 'content', 'background', 'popup', 'options', 'ui']),
  layer('src/sites/**', ['content', 'background', 'popup', 'options', 'ui'], { browser: true }),
  layer('src/content/**', ['background', 'popup', 'options', 'ui']),
  layer('src/background/**', ['content', 'popup', 'options', 'ui']),
  layer('src/{popup,options,ui,welcome}/**', ['content']),
  {
    files: ['src/**'],
    ignores: ['src/shared/browser.ts', 'src/shared/browser-lite.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'The WebExtension API is reached through src/shared/browser.ts only.' },
        { name: 'browser', message: 'The WebExtension API is reached through src/shared/browser.ts only.' },
      ],
    },
  },
  {
    // The code stays in parts a reader takes in at once: a file per responsibility, short functions.
    files: ['src/**/*.{ts,tsx}'],
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
