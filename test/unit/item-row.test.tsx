// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { TeamItem } from '../../src/core/team-doc';
import { ItemRow } from '../../src/popup/ItemRow';
import type { Triage } from '../../src/popup/useTriage';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const MIN = 60_000;

const triage: Triage = {
  selected: new Set(),
  snoozing: null,
  setSnoozing: () => undefined,
  message: null as unknown as Triage['message'],
  toggle: () => undefined,
  select: () => undefined,
  run: async () => undefined,
  open: async () => undefined,
  attempt: async () => undefined,
  team: { me: null, members: [] },
  assigning: null,
  setAssigning: () => undefined,
  assign: async () => undefined,
};

function item(over: Partial<TeamItem>): TeamItem {
  return {
    key: 'x:10', site: 'x', id: '10', kind: 'comment', author: { name: 'Marta Quill', handle: 'marta_codes' },
    text: 'Does it follow the system setting?', url: 'https://x.com/marta_codes/status/10', thread: '1',
    createdAt: NOW - 60 * MIN, firstSeenAt: NOW - 60 * MIN, lastSeenAt: NOW - 60 * MIN, sortAt: NOW - 60 * MIN,
    status: 'answered', answeredAt: NOW - 5 * MIN, answeredVia: 'manual', snoozeUntil: null, statusAt: NOW - 5 * MIN,
    ...over,
  };
}

function rowText(shown: TeamItem): string {
  const list = document.createElement('ul');
  document.body.append(list);
  const props = { 'data-index': 0, 'aria-setsize': 1, 'aria-posinset': 1, 'tabIndex': -1 };
  render(<ItemRow item={shown} inGroup={false} now={NOW} triage={triage} props={props} />, list);
  return list.querySelector('.meta.context')?.textContent ?? '';
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('a popup row of a comment a teammate acted on', () => {
  it('says who answered it and when, or who dismissed it', () => {
    expect(rowText(item({ by: 'ana' }))).toContain('Answered by ana · 5m ago');
    expect(rowText(item({ status: 'dismissed', answeredAt: null, answeredVia: null, by: 'leo' }))).toContain('Dismissed by leo');
  });

  it('says nothing of the kind for one’s own action', () => {
    expect(rowText(item({}))).not.toMatch(/by /);
  });
});
