import { describe, expect, it } from 'vitest';
import { groupId, labelsFor, searchText, searchWords, snoozeChoices } from '../../src/core/triage';
import { logged } from './items';

describe('labels', () => {
  it('finds questions and complaints', () => {
    expect(labelsFor('Does it follow the system setting?')).toEqual(['question']);
    expect(labelsFor('@brightloop how do I turn it off')).toEqual(['question']);
    expect(labelsFor('The app is broken since the update, I want a refund.')).toEqual(['complaint']);
    expect(labelsFor('Why doesn\'t login work? It\'s not working at all')).toEqual(['question', 'complaint']);
    expect(labelsFor('Congrats to the whole team!')).toEqual([]);
  });
});

describe('search', () => {
  it('looks for every word, accents and case aside, in the author and the text', () => {
    expect(searchWords('  Léa   MARTIN ')).toEqual(['lea', 'martin']);
    expect(searchText(logged('1', { author: { name: 'Léa Martin', handle: 'lea' }, text: 'Ça va? 👋' }))).toBe('lea martin lea ca va? 👋');
  });
});

describe('snooze choices', () => {
  it('offers this evening only before 17:00, and next Monday morning', () => {
    const tuesdayNoon = new Date(2026, 10, 24, 12, 0);
    const choices = snoozeChoices(tuesdayNoon);
    expect(choices.map((c) => c.id)).toEqual(['hour', 'evening', 'tomorrow', 'nextWeek']);
    expect(new Date(choices[3]!.until)).toEqual(new Date(2026, 10, 30, 9, 0));
    const evening = snoozeChoices(new Date(2026, 10, 24, 19, 0)).map((c) => c.id);
    expect(evening).toEqual(['hour', 'tomorrow', 'nextWeek']);
    const sunday = snoozeChoices(new Date(2026, 10, 29, 10, 0));
    expect(new Date(sunday.at(-1)!.until)).toEqual(new Date(2026, 10, 30, 9, 0));
  });
});

describe('conversations', () => {
  it('are told apart by site and thread; an item without a thread is its own', () => {
    expect(groupId(logged('1', { thread: 'T' }))).toBe('x:T');
    expect(groupId(logged('2', { thread: 'T', site: 'youtube', key: 'youtube:2' }))).toBe('youtube:T');
    expect(groupId(logged('3', { thread: '' }))).toBe('x:x:3');
  });
});
