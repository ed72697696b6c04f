/**
 * The team database's design document (scripts/team-design.mjs), its `validate_doc_update` run as
 * the server runs it: the function's source, evaluated on its own, called with the new document,
 * the one it replaces and the signed-in user.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
// @ts-expect-error A plain script of the README's set-up step, without types.
import { teamDesign } from '../../scripts/team-design.mjs';

type Doc = Record<string, unknown> & { _id: string };
type Validate = (newDoc: Doc, oldDoc: Doc | null, userCtx: { name: string | null; roles: string[] }) => void;

const validate = runInNewContext(`(${(teamDesign as () => { validate_doc_update: string })().validate_doc_update})`) as Validate;
const as = (name: string, roles: string[] = []) => ({ name, roles });

/** Null when the server would take the write, else its reason. */
function refusal(newDoc: Doc, oldDoc: Doc | null, user = as('leo')): string | null {
  try {
    validate(newDoc, oldDoc, user);
    return null;
  }
  catch (error) {
    return (error as { forbidden: string }).forbidden;
  }
}

const OWN = 'A member acts in their own name only.';
const reply = (actor: string, body = 'Thanks!', uses: Record<string, number> = {}): Doc => ({
  _id: 'reply:1',
  reply: { text: { title: 'Thanks', body, tags: [], shortcut: '' }, at: 1_000, actor },
  uses,
  lastUsedAt: null,
  createdAt: 1_000,
});
const handle = (actor: string, value: string | null = 'brightloop'): Doc => ({
  _id: 'settings:handle:x',
  handle: { handle: value, at: 1_000, actor },
});

describe('the design document on team replies', () => {
  it('takes a reply written, edited or deleted by the member signed in', () => {
    expect(refusal(reply('leo'), null)).toBeNull();
    expect(refusal(reply('leo', 'Edited'), reply('ana'))).toBeNull();
    expect(refusal({ ...reply('leo'), reply: { text: null, at: 2_000, actor: 'leo' } }, reply('ana'))).toBeNull();
  });

  it('refuses a reply whose last editor is another member', () => {
    expect(refusal(reply('ana'), null)).toBe(OWN);
    expect(refusal(reply('ana', 'Edited in her name'), reply('ana'))).toBe(OWN);
    expect(refusal({ ...reply('leo'), reply: { text: null, at: 2_000, actor: 'ana' } }, reply('leo'))).toBe(OWN);
  });

  it('takes another member\'s edit carried unchanged: a use counted, a conflict resolved', () => {
    expect(refusal(reply('ana', 'Thanks!', { leo: 1 }), reply('ana'))).toBeNull();
  });

  it('refuses a reply without an editor', () => {
    expect(refusal({ _id: 'reply:2', reply: { text: null, at: 1 } }, null)).toBe('Not a Replyline document.');
  });
});

describe('the design document on the team\'s handles', () => {
  it('takes a handle set or cleared by the member signed in', () => {
    expect(refusal(handle('leo'), null)).toBeNull();
    expect(refusal(handle('leo', null), handle('ana'))).toBeNull();
  });

  it('refuses a handle set in another member\'s name', () => {
    expect(refusal(handle('ana'), null)).toBe(OWN);
    expect(refusal(handle('ana', 'someone_else'), handle('ana'))).toBe(OWN);
  });

  it('refuses other settings and unknown documents, and lets deletions and admins through', () => {
    expect(refusal({ _id: 'settings:sites', sites: { actor: 'leo' } }, null)).toBe('Not a Replyline document.');
    expect(refusal({ _id: 'other:1', state: { actor: 'leo' } }, null)).toBe('Not a Replyline document.');
    expect(refusal({ _id: 'reply:1', _deleted: true }, reply('ana'))).toBeNull();
    expect(refusal(reply('ana'), null, as('root', ['_admin']))).toBeNull();
  });
});

describe('the design document on the log', () => {
  it('still refuses an action in another member\'s name and takes a comment seen', () => {
    const item = (actor: string, action = 'answer') => ({ _id: 'item:x:1', facts: {}, state: { action, at: 1, actor, until: null } });
    expect(refusal(item('ana'), null)).toBe(OWN);
    expect(refusal(item('leo'), null)).toBeNull();
    expect(refusal(item('', 'none'), null)).toBeNull();
  });
});

describe('the design document on assignments', () => {
  const assign = (actor: string, to: string | null = 'leo', at = 1_000): Doc => ({ _id: 'assign:x:1', assign: { to, at, actor } });
  it('takes an assignment or an unassignment by the member signed in', () => {
    expect(refusal(assign('leo', 'ana'), null)).toBeNull();
    expect(refusal(assign('leo', null), assign('ana'))).toBeNull();
  });
  it('refuses an assignment in another member\'s name, even to the one signed in', () => {
    expect(refusal(assign('ana', 'leo'), null)).toBe(OWN);
    expect(refusal(assign('ana', null, 2_000), assign('ana'))).toBe(OWN);
  });
  it('takes another member\'s assignment carried unchanged (a conflict resolved), refuses one without an actor', () => {
    expect(refusal({ ...assign('ana'), _rev: '2-b' }, assign('ana'))).toBeNull();
    expect(refusal({ _id: 'assign:x:1', assign: { to: 'leo', at: 1 } }, null)).toBe('Not a Replyline document.');
  });
});
