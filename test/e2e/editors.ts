/** The editor pages (test/fixtures/editors/), shared by the Chromium and Firefox tests. */
export const EDITORS: { name: string; path: string; multiline?: false }[] = [
  { name: 'Draft.js', path: 'draft' },
  { name: 'Lexical (plain text)', path: 'lexical' },
  { name: 'Lexical (rich text)', path: 'lexical?rich' },
  { name: 'Quill 2', path: 'quill' },
  { name: 'Quill 1', path: 'quill?v1' },
  { name: 'TipTap (ProseMirror)', path: 'tiptap' },
  { name: 'React textarea', path: 'react-field' },
  { name: 'React input', path: 'react-field?input', multiline: false },
  { name: 'contenteditable', path: 'plain' },
  { name: 'contenteditable plaintext-only', path: 'plain?plaintext' },
];

export const editorUrl = (path: string) => `https://x.com/_replyline_fixture/editors/${path}`;

/** The element to click in each page to put the caret in its editor. */
export const EDITABLE = [
  '.ql-editor',
  '.ProseMirror',
  '[contenteditable="true"]',
  '[contenteditable="plaintext-only"]',
  'textarea',
  'input',
]
  .map((s) => `#editor-host ${s}`)
  .join(', ');

/** Reads the editor's own model, as each page exposes it. */
export const readState = () => (window as unknown as { __editor: { state(): string } }).__editor.state();
export const editorReady = () => typeof (window as unknown as { __editor?: unknown }).__editor !== 'undefined';

/** Single-line state: editors end their text with a newline of their own (Quill) or not. */
export const oneLine = (s: string) => s.replace(/\n+$/, '');
/** Multi-line state: the lines, whatever blank lines the editor keeps between paragraphs. */
export const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
