import { describe, expect, it } from 'vitest';
import { parseTeamServer, teamHostPattern, validMemberName } from '../../src/core/team-config';
import { applyTeamState, changesNothing, localState, seenState, stateOf, type TeamItem } from '../../src/core/team-doc';
import { mergeScanned } from '../../src/core/status';
import { NO_ACTION } from '../../src/core/team-merge';

const seen = (ownerReplied = false): TeamItem =>
  mergeScanned(undefined, {
    site: 'x',
    id: '7',
    kind: 'comment',
    author: { name: 'Rosa Vell', handle: 'rosavell' },
    text: 'Is the blue one back in stock?',
    url: 'https://x.com/rosavell/status/7',
    thread: '6',
    createdAt: 1_000,
    ownerReplied,
  }, 2_000);

describe('a team register applied to the log', () => {
  it('answers a waiting comment in a teammate\'s name, and says who', () => {
    const item = seen();
    const next = applyTeamState(item, { facts: item, state: stateOf({ action: 'answer' }, 'ana', 5_000) }, item.key, 6_000);
    expect(next).toMatchObject({ status: 'answered', answeredVia: 'manual', answeredAt: 5_000, statusAt: 5_000, by: 'ana' });
  });

  it('changes nothing for no action, or for what the item already says', () => {
    const item = seen();
    expect(applyTeamState(item, { facts: item, state: NO_ACTION }, item.key, 6_000)).toBe(item);
    const doc = { facts: item, state: stateOf({ action: 'dismiss' }, 'leo', 5_000) };
    const once = applyTeamState(item, doc, item.key, 6_000);
    expect(applyTeamState(once, doc, item.key, 7_000)).toBe(once);
  });

  it('makes a comment this browser never saw from the facts', () => {
    const item = seen();
    const next = applyTeamState(undefined, { facts: item, state: stateOf({ action: 'snooze', until: 9_000 }, 'ana', 5_000) }, item.key, 6_000);
    expect(next).toMatchObject({ key: 'x:7', author: item.author, status: 'snoozed', snoozeUntil: 9_000, firstSeenAt: 6_000, by: 'ana' });
  });

  it('treats a snooze whose end has passed as waiting, and a reopen as waiting', () => {
    const item = seen(true);
    expect(applyTeamState(item, { facts: item, state: stateOf({ action: 'snooze', until: 5_500 }, 'ana', 5_000) }, item.key, 6_000).status).toBe('pending');
    expect(applyTeamState(item, { facts: item, state: stateOf({ action: 'reopen' }, 'ana', 5_000) }, item.key, 6_000)).toMatchObject({ status: 'pending', answeredAt: null });
  });
});

describe('what this browser tells the team', () => {
  it('shares the owner\'s reply it saw as a fact, not one a teammate told it', () => {
    expect(seenState(seen(true), 'leo')).toEqual({ action: 'seen', at: 2_000, actor: 'leo', until: null });
    expect(seenState(seen(false), 'leo')).toEqual(NO_ACTION);
    expect(seenState({ ...seen(true), by: 'ana' }, 'leo')).toEqual(NO_ACTION);
  });

  it('on joining, shares its own answers, dismissals and snoozes, not another member\'s', () => {
    const answered = { ...seen(), status: 'answered' as const, answeredVia: 'snippet' as const, answeredAt: 3_000, statusAt: 3_000 };
    expect(localState(answered, 'leo')).toEqual({ action: 'snippet', at: 3_000, actor: 'leo', until: null });
    expect(localState({ ...answered, by: 'ana' }, 'leo')).toEqual(NO_ACTION);
    expect(localState(seen(), 'leo')).toEqual(NO_ACTION);
  });

  it('does not re-answer what is answered, nor dismiss what is dismissed', () => {
    expect(changesNothing(seen(true), { action: 'answer' })).toBe(true);
    expect(changesNothing(seen(true), { action: 'reopen' })).toBe(false);
    expect(changesNothing(seen(), { action: 'dismiss' })).toBe(false);
  });
});

describe('the team server\'s address', () => {
  it('takes https anywhere and http on this computer only', () => {
    expect(parseTeamServer(' https://couch.example.com/ ')).toEqual({ server: 'https://couch.example.com' });
    expect(parseTeamServer('https://example.com/couch/')).toEqual({ server: 'https://example.com/couch' });
    expect(parseTeamServer('http://127.0.0.1:5984')).toEqual({ server: 'http://127.0.0.1:5984' });
    expect(parseTeamServer('http://couch.example.com')).toEqual({ problem: 'insecure' });
    expect(parseTeamServer('https://admin:pw@couch.example.com')).toEqual({ problem: 'invalid' });
    expect(parseTeamServer('ftp://couch.example.com')).toEqual({ problem: 'invalid' });
    expect(parseTeamServer('couch')).toEqual({ problem: 'invalid' });
  });

  it('asks for that host alone', () => {
    expect(teamHostPattern('http://127.0.0.1:5984')).toBe('http://127.0.0.1/*');
    expect(teamHostPattern('https://example.com/couch')).toBe('https://example.com/*');
  });

  it('checks member names', () => {
    expect(validMemberName('ana')).toBe(true);
    expect(validMemberName('')).toBe(false);
    expect(validMemberName(' ana')).toBe(false);
    expect(validMemberName('a:b')).toBe(false);
  });
});
