import { describe, expect, it } from 'vitest';
import {
  compareStates,
  mergeAssigns,
  mergeStates,
  NO_ACTION,
  resolveLeaves,
  TEAM_ACTIONS,
  type TeamAction,
  type TeamAssign,
  type TeamState,
} from '../../src/core/team-merge';

const state = (action: TeamAction, at: number, actor: string, until: number | null = null): TeamState =>
  action === 'none' ? NO_ACTION : { action, at, actor, until: action === 'snooze' ? (until ?? at + 3_600_000) : null };

const HUMAN = TEAM_ACTIONS.filter((a) => a !== 'none' && a !== 'seen');
const ACTING = TEAM_ACTIONS.filter((a) => a !== 'none');

/** Every action by two members, at two times: each pair of these is merged in both orders. */
const STATES: TeamState[] = TEAM_ACTIONS.flatMap((action) =>
  [1_000, 2_000].flatMap((at) => ['ana', 'leo'].map((actor) => state(action, at, actor))),
);
// Deduplicated: "none" is the same register whoever and whenever.
const ALL = STATES.filter((s, i) => STATES.findIndex((o) => JSON.stringify(o) === JSON.stringify(s)) === i);

describe('the merge rule, every pair of actions in both orders', () => {
  for (const a of ALL) {
    for (const b of ALL) {
      const name = `${a.action}@${a.at}/${a.actor || '-'} with ${b.action}@${b.at}/${b.actor || '-'}`;
      it(name, () => {
        const ab = mergeStates(a, b);
        const ba = mergeStates(b, a);
        // Commutative: both members keep the same register, whichever arrived first.
        expect(ab).toEqual(ba);
        // Idempotent: merging the result again changes nothing.
        expect(mergeStates(ab, a)).toEqual(ab);
        expect(mergeStates(ab, b)).toEqual(ab);
        // Which one: "none" loses to any action; then the later; then the fact; then the name.
        let expected: TeamState;
        if (a.action === 'none' || b.action === 'none') expected = a.action === 'none' ? b : a;
        else if (a.at !== b.at) expected = a.at > b.at ? a : b;
        else if ((a.action === 'seen') !== (b.action === 'seen')) expected = a.action === 'seen' ? a : b;
        else if (a.actor !== b.actor) expected = a.actor < b.actor ? a : b;
        else expected = TEAM_ACTIONS.indexOf(a.action) >= TEAM_ACTIONS.indexOf(b.action) ? a : b;
        expect(ab).toEqual(expected);
        // Antisymmetric order: only equal registers compare equal.
        expect(Math.sign(compareStates(a, b)) + Math.sign(compareStates(b, a))).toBe(0);
        if (compareStates(a, b) === 0) expect(a).toEqual(b);
      });
    }
  }
});

describe('the merge rule over three revisions', () => {
  it('gives the same register in every order (associative)', () => {
    const sample = ALL.filter((_, i) => i % 2 === 0);
    for (const a of sample) {
      for (const b of sample) {
        for (const c of sample) {
          const left = mergeStates(mergeStates(a, b), c);
          expect(mergeStates(a, mergeStates(b, c))).toEqual(left);
          expect(mergeStates(mergeStates(c, a), b)).toEqual(left);
        }
      }
    }
  });
});

describe('facts and names', () => {
  it('never undoes "seen answered" with an older or simultaneous action', () => {
    const seen = state('seen', 5_000, 'zoe');
    for (const action of HUMAN) {
      for (const actor of ['ana', 'zoe', 'zz']) {
        expect(mergeStates(seen, state(action, 4_999, actor))).toEqual(seen);
        expect(mergeStates(state(action, 5_000, actor), seen)).toEqual(seen);
      }
    }
  });

  it('lets a later reopen take back what was seen answered', () => {
    const reopen = state('reopen', 6_000, 'leo');
    expect(mergeStates(state('seen', 5_000, 'ana'), reopen)).toEqual(reopen);
  });

  it('breaks a tie of time by the member name, ana before leo', () => {
    for (const a of ACTING.filter((x) => x !== 'seen')) {
      for (const b of ACTING.filter((x) => x !== 'seen')) {
        expect(mergeStates(state(a, 7_000, 'leo'), state(b, 7_000, 'ana')).actor).toBe('ana');
      }
    }
  });

  it('keeps the later end of two snoozes by one member at one ms', () => {
    const early = state('snooze', 1_000, 'ana', 10_000);
    const late = state('snooze', 1_000, 'ana', 20_000);
    expect(mergeStates(early, late)).toEqual(late);
    expect(mergeStates(late, early)).toEqual(late);
  });
});

describe('assignment', () => {
  const assign = (to: string | null, at: number, actor: string): TeamAssign => ({ to, at, actor });
  const ASSIGNS = [null, 'ana', 'leo'].flatMap((to) =>
    [1_000, 2_000].flatMap((at) => ['ana', 'leo'].map((actor) => assign(to, at, actor))),
  );

  it('merges every pair the same in both orders: the later, then the member name', () => {
    for (const a of ASSIGNS) {
      for (const b of ASSIGNS) {
        const ab = mergeAssigns(a, b);
        expect(mergeAssigns(b, a)).toEqual(ab);
        if (a.at !== b.at) expect(ab).toEqual(a.at > b.at ? a : b);
        else if (a.actor !== b.actor) expect(ab).toEqual(a.actor < b.actor ? a : b);
      }
    }
  });

  it('keeps an assignment over none', () => {
    const a = assign('leo', 1, 'ana');
    expect(mergeAssigns(null, a)).toBe(a);
    expect(mergeAssigns(a, null)).toBe(a);
  });
});

describe('resolveLeaves', () => {
  type Leaf = { _rev: string; state: TeamState };
  const cmp = (a: Leaf, b: Leaf) => compareStates(a.state, b.state);

  it('keeps the rule winner and deletes every other revision, whatever their order', () => {
    const leaves: Leaf[] = [
      { _rev: '2-a', state: state('dismiss', 1_000, 'leo') },
      { _rev: '2-b', state: state('answer', 3_000, 'ana') },
      { _rev: '3-c', state: state('seen', 2_000, 'leo') },
    ];
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 0, 2], [2, 0, 1]]) {
      const { keep, remove } = resolveLeaves(order.map((i) => leaves[i]!), cmp);
      expect(keep._rev).toBe('2-b');
      expect(remove.map((l) => l._rev).sort()).toEqual(['2-a', '3-c']);
    }
  });

  it('keeps the lowest revision id of equal registers, on every member', () => {
    const same = state('answer', 1_000, 'ana');
    const a = resolveLeaves([{ _rev: '2-f', state: same }, { _rev: '2-c', state: same }], cmp);
    const b = resolveLeaves([{ _rev: '2-c', state: same }, { _rev: '2-f', state: same }], cmp);
    expect(a.keep._rev).toBe('2-c');
    expect(b.keep._rev).toBe('2-c');
  });

  it('refuses to resolve nothing', () => {
    expect(() => resolveLeaves([], cmp)).toThrow(RangeError);
  });
});
