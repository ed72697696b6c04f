import { describe, expect, it } from 'vitest';
import { resolveLeaves } from '../../src/core/team-merge';
import {
  applyEdit,
  applyUse,
  compareHandles,
  compareReplies,
  editRegister,
  type HandleRegister,
  mergeReplyBodies,
  mergeUses,
  type ReplyRegister,
  snippetOfReply,
  type TeamReplyBody,
  totalUses,
} from '../../src/core/team-reply';

const text = (body: string) => ({ title: 'Thanks', body, tags: [], shortcut: '' });

/** Edits (two texts) and deletions, by two members, at two times: every pair is merged in both orders. */
const REGISTERS: ReplyRegister[] = [1_000, 2_000].flatMap((at) =>
  ['ana', 'leo'].flatMap((actor) => [
    { text: text('first'), at, actor },
    { text: text('second'), at, actor },
    { text: null, at, actor },
  ]),
);

const kind = (r: ReplyRegister) => (r.text ? `edit "${r.text.body}"` : 'delete');
const merge = (a: ReplyRegister, b: ReplyRegister) => (compareReplies(a, b) >= 0 ? a : b);

describe('a team reply\'s edits and deletions, every pair in both orders', () => {
  for (const a of REGISTERS) {
    for (const b of REGISTERS) {
      it(`${kind(a)}@${a.at}/${a.actor} with ${kind(b)}@${b.at}/${b.actor}`, () => {
        const ab = merge(a, b);
        expect(merge(b, a)).toEqual(ab);
        expect(merge(ab, a)).toEqual(ab);
        expect(merge(ab, b)).toEqual(ab);
        let expected: ReplyRegister;
        if (a.at !== b.at) expected = a.at > b.at ? a : b;
        else if ((a.text === null) !== (b.text === null)) expected = a.text === null ? a : b;
        else if (a.actor !== b.actor) expected = a.actor < b.actor ? a : b;
        else expected = JSON.stringify(a.text) >= JSON.stringify(b.text) ? a : b;
        expect(ab).toEqual(expected);
        expect(Math.sign(compareReplies(a, b)) + Math.sign(compareReplies(b, a))).toBe(0);
        if (compareReplies(a, b) === 0) expect(a).toEqual(b);
      });
    }
  }

  it('gives the same register in every order of three (associative)', () => {
    for (const a of REGISTERS) {
      for (const b of REGISTERS) {
        for (const c of REGISTERS) {
          const left = merge(merge(a, b), c);
          expect(merge(a, merge(b, c))).toEqual(left);
          expect(merge(merge(c, a), b)).toEqual(left);
        }
      }
    }
  });

  it('never brings a deleted reply back with an older edit, and a later edit does', () => {
    const deleted: ReplyRegister = { text: null, at: 5_000, actor: 'zoe' };
    expect(merge({ text: text('old'), at: 4_999, actor: 'ana' }, deleted)).toBe(deleted);
    expect(merge(deleted, { text: text('same ms'), at: 5_000, actor: 'ana' })).toBe(deleted);
    const later = { text: text('later'), at: 5_001, actor: 'zoe' };
    expect(merge(deleted, later)).toBe(later);
  });
});

describe('use counts per member', () => {
  const samples: Record<string, number>[] = [{}, { ana: 1 }, { ana: 3, leo: 2 }, { leo: 5 }, { zoe: 1, ana: 2 }];

  it('merges by the larger count of each member, in any order, and sums them', () => {
    for (const a of samples) {
      for (const b of samples) {
        const ab = mergeUses(a, b);
        expect(ab).toEqual(mergeUses(b, a));
        expect(mergeUses(ab, a)).toEqual(ab);
        for (const member of new Set([...Object.keys(a), ...Object.keys(b)])) {
          expect(ab[member]).toBe(Math.max(a[member] ?? 0, b[member] ?? 0));
        }
      }
    }
    expect(totalUses(mergeUses({ ana: 3, leo: 2 }, { leo: 5 }))).toBe(8);
  });

  it('counts a member\'s uses on both sides of a conflict once, and each member\'s own', () => {
    const base: TeamReplyBody = applyEdit(null, { text: text('hi'), at: 1_000, actor: 'ana' });
    // ana used it twice in one browser, leo once in another, from the same revision.
    const ana = applyUse(applyUse(base, 'ana', 2_000), 'ana', 3_000);
    const leo = applyUse(base, 'leo', 2_500);
    const merged = mergeReplyBodies(ana, leo);
    expect(merged).toEqual(mergeReplyBodies(leo, ana));
    expect(merged.uses).toEqual({ ana: 2, leo: 1 });
    expect(merged.lastUsedAt).toBe(3_000);
    expect(snippetOfReply({ ...merged, _id: 'reply:1' })?.uses).toBe(3);
  });
});

describe('editing a team reply', () => {
  it('makes a new reply from a draft, its tags trimmed and without repeats', () => {
    const register = editRegister({ id: null, title: ' Thanks ', body: 'Hi {name}', tags: ['a', ' a', 'b', ''], shortcut: ' ty ' }, 'ana', 9);
    const body = applyEdit(null, register);
    expect(body).toEqual({
      reply: { text: { title: 'Thanks', body: 'Hi {name}', tags: ['a', 'b'], shortcut: 'ty' }, at: 9, actor: 'ana' },
      uses: {},
      lastUsedAt: null,
      createdAt: 9,
    });
    expect(snippetOfReply({ ...body, _id: 'reply:9' })).toMatchObject({ id: 'reply:9', title: 'Thanks', uses: 0, team: { editedBy: 'ana' } });
  });

  it('keeps the counts through an edit, and an edit older than the document changes nothing', () => {
    const used = applyUse(applyEdit(null, { text: text('a'), at: 1_000, actor: 'ana' }), 'leo', 1_500);
    const edited = applyEdit(used, { text: text('b'), at: 2_000, actor: 'leo' });
    expect(edited.uses).toEqual({ leo: 1 });
    expect(edited.reply.text?.body).toBe('b');
    expect(applyEdit(edited, { text: text('c'), at: 1_999, actor: 'ana' })).toBe(edited);
  });

  it('lists a deleted reply no more', () => {
    const gone = applyEdit(applyEdit(null, { text: text('a'), at: 1, actor: 'ana' }), editRegister(null, 'leo', 2));
    expect(snippetOfReply({ ...gone, _id: 'reply:1' })).toBeNull();
  });

  it('resolves conflicting revisions the same way on every member', () => {
    const leaves = [
      { _rev: '2-b', reply: { text: text('leo'), at: 2_000, actor: 'leo' } },
      { _rev: '2-a', reply: { text: text('ana'), at: 2_000, actor: 'ana' } },
      { _rev: '2-c', reply: { text: null, at: 1_999, actor: 'zoe' } },
    ];
    for (const order of [leaves, [...leaves].reverse(), [leaves[2]!, leaves[0]!, leaves[1]!]]) {
      const { keep, remove } = resolveLeaves(order, (a, b) => compareReplies(a.reply, b.reply));
      expect(keep._rev).toBe('2-a');
      expect(remove.map((leaf) => leaf._rev).sort()).toEqual(['2-b', '2-c']);
    }
  });
});

describe('a site\'s handle set by the team, every pair in both orders', () => {
  const HANDLES: HandleRegister[] = [1_000, 2_000].flatMap((at) =>
    ['ana', 'leo'].flatMap((actor) => ['brightloop', 'loop_hq', null].map((handle) => ({ handle, at, actor }))),
  );
  const pick = (a: HandleRegister, b: HandleRegister) => (compareHandles(a, b) >= 0 ? a : b);
  for (const a of HANDLES) {
    for (const b of HANDLES) {
      it(`${a.handle ?? 'cleared'}@${a.at}/${a.actor} with ${b.handle ?? 'cleared'}@${b.at}/${b.actor}`, () => {
        const ab = pick(a, b);
        expect(pick(b, a)).toEqual(ab);
        let expected: HandleRegister;
        if (a.at !== b.at) expected = a.at > b.at ? a : b;
        else if (a.actor !== b.actor) expected = a.actor < b.actor ? a : b;
        else expected = (a.handle ?? '') >= (b.handle ?? '') ? a : b;
        expect(ab).toEqual(expected);
        if (compareHandles(a, b) === 0) expect(a).toEqual(b);
      });
    }
  }
});
