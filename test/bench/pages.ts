import { readFileSync } from 'node:fs';

/**
 * A long X conversation: the fixture's reply cells repeated with fresh ids, so that adapters and
 * the watcher meet the page sizes of a busy thread.
 */
export function longConversation(replies: number): string {
  const html = readFileSync('test/fixtures/x/conversation.html', 'utf8');
  const cells = html.match(/<div data-testid="cellInnerDiv"[\s\S]*?<\/article><\/div><\/div><\/div>/g) ?? [];
  const replyCells = cells.slice(1);
  let out = '';
  for (let i = 0; i < replies; i++) {
    const cell = replyCells[i % replyCells.length] ?? '';
    out += cell.replace(/19500000000000000(\d\d)/g, (_m, n) => `18${String(i).padStart(6, '0')}000000${n}`);
  }
  const marker = '<div data-testid="cellInnerDiv" style="transform: translateY(900px)';
  return html.replace(marker, `${out}${marker}`);
}
