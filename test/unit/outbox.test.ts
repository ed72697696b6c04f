import { describe, expect, test } from 'vitest';
import { drainOutbox, type SessionArea } from '../../src/background/outbox';
import { type Envelope, OUTBOX_MAX_AGE_MS, outboxKey } from '../../src/shared/protocol';

const NOW = 1_900_000_000_000;

function area(entries: Record<string, unknown>): SessionArea & { left: () => string[] } {
  const store = new Map(Object.entries(entries));
  return {
    get: async () => Object.fromEntries(store),
    remove: async (keys) => void keys.forEach((key) => store.delete(key)),
    left: () => [...store.keys()].sort(),
  };
}

const act = (key: string, action: string): Envelope => ({ type: 'items/act', payload: { key, action } });

describe('kept actions (outbox)', () => {
  test('applies what is left oldest first, whatever order storage gives, and takes each off', async () => {
    const answer = act('x:1', 'answer');
    const reopen = act('x:1', 'reopen');
    // Stored newest first: the keys, not the storage's order, decide.
    const session = area({
      [outboxKey(NOW - 1_000, 'b')]: { envelope: reopen, at: NOW - 1_000 },
      [outboxKey(NOW - 2_000, 'a')]: { envelope: answer, at: NOW - 2_000 },
      'other-setting': { keep: true },
    });
    const applied: Envelope[] = [];
    expect(await drainOutbox(session, async (envelope) => applied.push(envelope), NOW)).toBe(2);
    expect(applied).toEqual([answer, reopen]);
    expect(session.left()).toEqual(['other-setting']);
  });

  test('drops what is too old or is not a kept message, without applying it', async () => {
    const session = area({
      [outboxKey(NOW - OUTBOX_MAX_AGE_MS - 1, 'old')]: { envelope: act('x:1', 'answer'), at: NOW - OUTBOX_MAX_AGE_MS - 1 },
      [outboxKey(NOW, 'junk')]: { envelope: 'items/act', at: NOW },
      [outboxKey(NOW, 'no-time')]: { envelope: act('x:2', 'answer') },
      [outboxKey(NOW - OUTBOX_MAX_AGE_MS, 'edge')]: { envelope: act('x:3', 'answer'), at: NOW - OUTBOX_MAX_AGE_MS },
    });
    const applied: Envelope[] = [];
    expect(await drainOutbox(session, async (envelope) => applied.push(envelope), NOW)).toBe(1);
    expect(applied).toEqual([act('x:3', 'answer')]);
    expect(session.left()).toEqual([]);
  });

  test('a worker stopped while applying keeps the action and those after it for its next start', async () => {
    const session = area({
      [outboxKey(NOW - 3, 'a')]: { envelope: act('x:1', 'answer'), at: NOW - 3 },
      [outboxKey(NOW - 2, 'b')]: { envelope: act('x:2', 'answer'), at: NOW - 2 },
      [outboxKey(NOW - 1, 'c')]: { envelope: act('x:3', 'answer'), at: NOW - 1 },
    });
    let calls = 0;
    const stopped = drainOutbox(session, async () => {
      calls += 1;
      if (calls === 2) throw new Error('worker stopped');
    }, NOW);
    await expect(stopped).rejects.toThrow('worker stopped');
    expect(session.left()).toEqual([outboxKey(NOW - 2, 'b'), outboxKey(NOW - 1, 'c')]);
    const applied: Envelope[] = [];
    expect(await drainOutbox(session, async (envelope) => applied.push(envelope), NOW)).toBe(2);
    expect(applied.map((envelope) => (envelope.payload as { key: string }).key)).toEqual(['x:2', 'x:3']);
  });
});
