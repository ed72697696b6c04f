// @vitest-environment happy-dom
/** The popup's line about a team's sync in trouble: the worker's own words, and the way to Options. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamStatus } from '../../src/shared/protocol';

const fake = vi.hoisted(() => ({ status: null as TeamStatus | null, optionsOpened: 0 }));

vi.mock('../../src/ui/api', () => ({
  send: async (type: string) => {
    if (type !== 'team/status' || !fake.status) throw new Error(`unexpected ${type}`);
    return fake.status;
  },
  openOptions: () => void fake.optionsOpened++,
}));

const { TeamNotice } = await import('../../src/popup/TeamNotice');

const TEAM = { server: 'https://couch.example', db: 'brightloop', name: 'ana' };
const root = document.createElement('div');
document.body.append(root);

async function shown(status: TeamStatus | null): Promise<HTMLElement | null> {
  fake.status = status;
  render(<TeamNotice />, root);
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
  return root.querySelector<HTMLElement>('[data-testid=team-notice]');
}

afterEach(() => render(null, root));

describe('the popup’s team notice', () => {
  it('says the problem and leads to Options: sign in again when the session ended', async () => {
    const notice = await shown({ team: TEAM, state: 'signin', problem: 'Your team session ended. Sign in again.', lastSyncAt: 1 });
    expect(notice?.getAttribute('role')).toBe('status');
    expect(notice?.querySelector('span')?.textContent).toBe('Your team session ended. Sign in again.');
    const button = notice!.querySelector('button')!;
    expect(button.textContent).toBe('Sign in again');
    button.click();
    expect(fake.optionsOpened).toBe(1);
  });

  it('names the server that cannot be reached, and the team settings', async () => {
    const notice = await shown({ team: TEAM, state: 'offline', problem: 'The team server cannot be reached.', lastSyncAt: null });
    expect(notice?.textContent).toBe('The team server cannot be reached. Team settings');
  });

  it('says nothing without a team, while syncing, when all is well, or when the worker does not answer', async () => {
    expect(await shown({ team: null, state: 'off', problem: null, lastSyncAt: null })).toBeNull();
    expect(await shown({ team: TEAM, state: 'syncing', problem: null, lastSyncAt: null })).toBeNull();
    expect(await shown({ team: TEAM, state: 'idle', problem: null, lastSyncAt: 5 })).toBeNull();
    expect(await shown(null)).toBeNull();
    expect(root.textContent).toBe('');
  });
});
