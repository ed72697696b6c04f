// @vitest-environment happy-dom
/**
 * The popup's and options' views, rendered with Preact against the real background: messages go
 * through the router into the service, on an in-memory IndexedDB. Only the browser API is replaced.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openReplylineDb } from '../../src/background/db';
import { exportBackup } from '../../src/background/exporter';
import { syncInstanceScripts } from '../../src/background/instances';
import { type BackgroundEffects, createService } from '../../src/background/service';
import type { Backup } from '../../src/core/backup';
import { instancePattern } from '../../src/core/instances';
import { setMessageLookup } from '../../src/core/i18n';
import { DEFAULT_SETTINGS, sitesInUse } from '../../src/core/types';
import { LOG_CHANGED_KEY } from '../../src/shared/protocol';
import { createRouter } from '../../src/shared/router';
import { adapterFor } from '../../src/sites/registry';
import { hostOfPattern, InstanceBrowserFake } from './instance-browser';
import { logged, scanned } from './items';
import { quietEffects } from './quiet-effects';
import { readCatalog, resolveMessage } from './messages';

const page = { id: 'ext', url: 'chrome-extension://ext/src/popup/index.html' };
const tab = { id: 'ext', url: 'https://x.com/a/status/1', tab: { id: 3, url: 'https://x.com/a/status/1' } };

const fake = vi.hoisted(() => ({
  route: null as null | ((message: unknown, sender: object) => Promise<unknown>),
  optionsOpened: 0,
  inserted: [] as string[],
  /** The browser's host access and registered scripts (set in beforeEach). */
  instances: null as unknown as InstanceBrowserFake,
  /** What the browser's permission prompt answers, and the origins it was asked for. */
  promptAnswer: true,
  prompts: [] as string[],
  /** The session's storage: what the popup keeps until its actions are answered (ui/api.ts). */
  session: new Map<string, unknown>(),
  /** Every key it ever kept there. */
  everKept: [] as string[],
  /** The pages' listeners to storage changes (the worker's word that the log changed). */
  storageListeners: new Set<(changes: Record<string, unknown>, area: string) => void>(),
}));

vi.mock('../../src/shared/browser', () => ({
  browser: {
    runtime: {
      sendMessage: (message: unknown) => fake.route!(message, page),
      openOptionsPage: async () => void fake.optionsOpened++,
    },
    storage: {
      session: {
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) {
            fake.session.set(key, value);
            fake.everKept.push(key);
          }
        },
        remove: async (key: string) => void fake.session.delete(key),
      },
      onChanged: {
        addListener: (listener: (changes: Record<string, unknown>, area: string) => void) =>
          void fake.storageListeners.add(listener),
        removeListener: (listener: (changes: Record<string, unknown>, area: string) => void) =>
          void fake.storageListeners.delete(listener),
      },
    },
    permissions: {
      request: async ({ origins }: { origins: string[] }) => {
        fake.prompts.push(...origins);
        if (fake.promptAnswer) origins.forEach((o) => fake.instances.grant(hostOfPattern(o) ?? o));
        return fake.promptAnswer;
      },
    },
  },
}));

const { Popup } = await import('../../src/popup/Popup');
const { ESTIMATE } = await import('../../src/popup/VirtualList');
const { Options } = await import('../../src/options/Options');

let clock = Date.now();
let root: HTMLElement;

function effects(): BackgroundEffects {
  return quietEffects({
    now: () => clock,
    insertIntoActiveTab: async (body) => {
      fake.inserted.push(body);
      return { ok: true, itemKey: null, missing: [], unknown: [] };
    },
    isSiteUrl: (url) => url.startsWith('https://x.com/'),
    instanceAccess: (host) => fake.instances.hasAccess(instancePattern(host)),
    syncInstances: async (hosts) => void (await syncInstanceScripts(hosts, fake.instances)),
    withdrawInstance: async (host) => void fake.instances.granted.delete(host),
    defaultSelectors: (site) => adapterFor(site).defaultSelectors,
    // What browser-effects.ts does: a session storage key the open pages listen to.
    noteLogChanged: () => fake.storageListeners.forEach((listener) => listener({ [LOG_CHANGED_KEY]: { newValue: clock } }, 'session')),
  });
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  clock = Date.now();
  const service = createService(await openReplylineDb(), effects());
  fake.route = createRouter(() => service.handlers, {
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    isContentUrl: (url) => url.startsWith('https://x.com/'),
  });
  fake.optionsOpened = 0;
  fake.instances = new InstanceBrowserFake();
  fake.promptAnswer = true;
  fake.prompts = [];
  fake.inserted = [];
  fake.storageListeners.clear();
  root = document.createElement('div');
  document.body.replaceChildren(root);
});

afterEach(() => {
  render(null, root);
  const english = readCatalog('en');
  setMessageLookup((key, subs) => resolveMessage(english, key, subs));
});

/** What the Options page exports, read from the database as the page reads it (no message carries the log). */
async function exportOf(): Promise<Backup> {
  const db = await openReplylineDb();
  const control = { signal: new AbortController().signal, progress: () => undefined };
  const exported = await exportBackup(db, new Date(), control);
  db.close();
  return JSON.parse(await exported.blob.text()) as Backup;
}

const call = (type: string, payload: unknown, sender: object = page) =>
  fake.route!({ type, payload }, sender) as Promise<{ ok: boolean; value?: unknown; error?: string }>;

async function waitFor<T>(find: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`Timed out waiting for ${what}; the page shows: ${root.textContent}`);
}

const buttons = (name: string | RegExp, within: ParentNode = root) =>
  [...within.querySelectorAll('button')].filter((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  );
const button = (name: string | RegExp, within?: ParentNode) => {
  const found = buttons(name, within)[0];
  if (!found) throw new Error(`No button “${name}” in: ${(within ?? root).textContent}`);
  return found;
};
const names = () => [...root.querySelectorAll('li.item strong')].map((s) => s.textContent);
const status = () => root.querySelector('[role=status]')?.textContent ?? '';

/** Types as a person does: the page re-renders before the next event. */
async function type(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
}

async function report(...items: ReturnType<typeof scanned>[]) {
  const reply = await call('items/report', { site: 'x', items }, tab);
  expect(reply.ok).toBe(true);
}

describe('the popup’s comments view', () => {
  it('lists what waits, oldest first and grouped by conversation, with labels and counts', async () => {
    await call('settings/setOwner', { site: 'x', handle: 'brightloop' });
    await report(
      scanned('30', { author: { name: 'Otto Brandt', handle: 'otto' }, thread: 'A', text: 'Does it work offline?' }),
      scanned('10', { author: { name: 'Lina Park', handle: 'lina' }, thread: 'A' }),
      scanned('20', { author: { name: 'Devon K', handle: 'devon_k' }, thread: 'B', text: 'The app is broken again' }),
    );
    render(<Popup />, root);
    await waitFor(() => names().length === 3, 'three comments');
    expect(names()).toEqual(['Lina Park', 'Otto Brandt', 'Devon K']);
    expect(root.querySelector('li.group')?.textContent).toBe(' 2 in one conversation on X');
    expect(root.querySelector('.count')?.textContent).toBe('3 waiting');
    const labels = [...root.querySelectorAll('.label')].map((l) => `${l.className}:${l.textContent}`);
    expect(labels).toEqual(['label question:question', 'label complaint:complaint']);
    // Only X has a handle: the notice says how many sites still need one, and where to set them.
    const others = sitesInUse(DEFAULT_SETTINGS).length - 1;
    expect(root.querySelector('.notice')?.textContent).toBe(`Your handle is missing on ${others} sites. Set your handles`);
    // Each comment says its kind and its site in words.
    expect(root.querySelector('li.item .context')?.textContent).toMatch(/^comment on X/);

    // The filters other than the view and the search are behind one button, which counts those set.
    expect(root.querySelector('select[name=order]')).toBeNull();
    const toggle = button('Filters');
    toggle.click();
    await waitFor(() => root.querySelector('[role=group][aria-label=Filters]'), 'the filters');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // Without a team, nothing of assignment shows: no "Mine", no "Assign…", no "Assigned" filter.
    expect(buttons(/^Mine/)).toEqual([]);
    expect(buttons('Assign…')).toEqual([]);
    expect(root.querySelector('select[name=assigned]')).toBeNull();
    root.querySelector<HTMLInputElement>('input[name=grouped]')!.click();
    await waitFor(() => !root.querySelector('li.group'), 'the groups to go');
    await type(root.querySelector<HTMLSelectElement>('select[name=order]')!, 'newest');
    await waitFor(() => names()[0] === 'Otto Brandt', 'newest first');
    expect(names()).toEqual(['Otto Brandt', 'Devon K', 'Lina Park']);
    expect(toggle.textContent).toBe('Filters (2)');
    await type(root.querySelector<HTMLInputElement>('input[type=search]')!, 'broken');
    await waitFor(() => names().length === 1, 'the search');
    expect(names()).toEqual(['Devon K']);
    await type(root.querySelector<HTMLInputElement>('input[type=search]')!, 'nobody says this');
    await waitFor(() => root.querySelector('.empty'), 'the empty state');
    expect(root.querySelector('.empty')?.textContent).toBe('No comment matches these filters.');
  });

  it('answers, snoozes and dismisses, one or many, and reopens from the other views', async () => {
    await report(
      scanned('1', { author: { name: 'Ana', handle: 'ana' }, thread: 'A' }),
      scanned('2', { author: { name: 'Bo', handle: 'bo' }, thread: 'B' }),
      scanned('3', { author: { name: 'Cy', handle: 'cy' }, thread: 'C' }),
    );
    render(<Popup />, root);
    await waitFor(() => names().length === 3, 'three comments');

    const ana = root.querySelector('li.item[data-key="x:1"]')!;
    button('Mark answered', ana).click();
    await waitFor(() => names().length === 2, 'Ana answered');
    expect(status()).toBe('Marked answered: Ana');

    button('Snooze…', root.querySelector('li.item[data-key="x:2"]')!).click();
    const menu = await waitFor(() => root.querySelector('[role=group][aria-label="Snooze until"]'), 'the snooze menu');
    expect(buttons(/^(In 1 hour|This evening|Tomorrow morning|Next week)/, menu).length).toBeGreaterThanOrEqual(3);
    button('In 1 hour', menu).click();
    await waitFor(() => names().length === 1, 'Bo snoozed');
    const snoozed = (await call('items/get', { key: 'x:2' })).value as { status: string; snoozeUntil: number };
    expect(snoozed.status).toBe('snoozed');
    expect(snoozed.snoozeUntil - Date.now()).toBeGreaterThan(3_590_000);

    await type(root.querySelector<HTMLSelectElement>('select[name=status]')!, 'snoozed');
    await waitFor(() => names()[0] === 'Bo', 'the snoozed view');
    expect(root.textContent).toMatch(/until /);
    button('Reopen').click();
    await waitFor(() => root.querySelector('.empty'), 'Bo reopened');
    expect(status()).toBe('Reopened: Bo');

    await type(root.querySelector<HTMLSelectElement>('select[name=status]')!, 'pending');
    await waitFor(() => names().length === 2, 'two waiting');
    const all = root.querySelector<HTMLInputElement>('input.select-all')!;
    expect(all.getAttribute('aria-label')).toBe('Select all 2');
    expect(root.querySelector('.bulk')).toBeNull();
    all.click();
    await waitFor(() => root.querySelector('.bulk')?.textContent?.includes('2 selected'), 'two selected');
    button('Dismiss', root.querySelector('.bulk')!).click();
    await waitFor(() => root.querySelector('.empty'), 'all dismissed');
    expect(status()).toBe('Dismissed 2 comments.');
    expect(root.querySelector('.empty')?.textContent).toMatch(/^Nothing is waiting for you\./);
    const views = [...root.querySelectorAll('select[name=status] option')].map((o) => o.textContent);
    expect(views).toEqual(['Waiting (0)', 'Snoozed (0)', 'Answered (1)', 'Dismissed (2)']);
    // Each action (four, one of them on two comments) was kept until answered, then forgotten.
    expect(fake.everKept.filter((key) => key.startsWith('outbox:'))).toHaveLength(4);
    expect(fake.session.size).toBe(0);
  });

  it('follows the log while open: a comment reported, or answered elsewhere, shows at once', async () => {
    await report(scanned('10', { author: { name: 'Lina Park', handle: 'lina' } }));
    render(<Popup />, root);
    await waitFor(() => names().length === 1, 'one comment');
    await report(scanned('20', { author: { name: 'Devon K', handle: 'devon_k' } }));
    await waitFor(() => names().length === 2, 'the comment reported while open');
    expect(root.querySelector('.count')?.textContent).toBe('2 waiting');
    // Answered from a badge menu on the page (a content script's message, not the popup's).
    expect((await call('items/act', { key: 'x:10', action: 'answer' }, tab)).ok).toBe(true);
    await waitFor(() => names().length === 1, 'the comment answered elsewhere to go');
    expect(names()).toEqual(['Devon K']);
    const listening = fake.storageListeners.size;
    render(null, root);
    // Preact runs effects' cleanups after the unmount's frame.
    await waitFor(() => fake.storageListeners.size === 0, 'the listener to go');
    expect(listening).toBe(1);
  });

  it('draws only the rows in view, however many comments wait', async () => {
    for (let batch = 0; batch < 4; batch++) {
      const n = (i: number) => batch * 500 + i;
      await report(...Array.from({ length: 500 }, (_, i) => scanned(String(10_000 + n(i)), { thread: String(n(i)) })));
    }
    render(<Popup />, root);
    await waitFor(() => names().length > 0, 'the first rows');
    expect(root.querySelector('.count')?.textContent).toBe('2,000 waiting');
    expect(root.querySelectorAll('li.item').length).toBeLessThan(20);
    const list = root.querySelector<HTMLElement>('ul.items')!;
    const spacer = list.querySelector<HTMLElement>('li.spacer:last-child')!;
    expect(Number.parseInt(spacer.style.height, 10)).toBeGreaterThan(1990 * ESTIMATE);
    // Each row is taken to be ESTIMATE tall until it is drawn (this DOM lays nothing out).
    list.scrollTop = 1000 * ESTIMATE;
    list.dispatchEvent(new Event('scroll'));
    await waitFor(() => root.querySelector('li.item[data-key="x:11000"]'), 'the rows around 1,000');
    expect(root.querySelector('li.item[data-key="x:10000"]')).toBeNull();
    expect(root.querySelectorAll('li.item').length).toBeLessThan(20);
  });

  it('names the sites still needing a handle once only a few are left', async () => {
    for (const site of sitesInUse(DEFAULT_SETTINGS).filter((s) => s !== 'youtube' && s !== 'threads')) {
      await call('settings/setOwner', { site, handle: 'brightloop' });
    }
    render(<Popup />, root);
    const notice = await waitFor(() => root.querySelector('.notice'), 'the notice');
    expect(notice.textContent).toBe('Your handle is missing on YouTube, Threads. Set your handles');
  });

  it('shows the stats computed from the log, in words, for the sites in use or in the log', async () => {
    await report(...Array.from({ length: 12 }, (_, i) => scanned(String(i + 1), { createdAt: null })));
    // Answered 10, 20 … 120 minutes after they were seen.
    for (let i = 1; i <= 12; i++) {
      clock += 10 * 60_000;
      await call('items/act', { key: `x:${i}`, action: 'answer' });
    }
    await report(scanned('13', { createdAt: null }));
    clock += 3 * 86_400_000;
    // X is turned off but its comments are in the log; YouTube is on with none; the others are off.
    await call('settings/setSites', { disabledSites: sitesInUse(DEFAULT_SETTINGS).filter((s) => s !== 'youtube') });
    render(<Popup />, root);
    button('Stats').click();
    const table = await waitFor(() => root.querySelector('.stats table'), 'the stats table');
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['X', '9 in 10 within 2hhalf within 1h', '9 in 10 within 2hhalf within 1h'],
      ['YouTube', 'no answers yet', 'no answers yet'],
    ]);
    expect([...table.querySelectorAll('thead th')].map((c) => c.textContent)).toEqual(['Site', 'Last 7 days', 'Last 30 days']);
    expect(root.querySelector('.stats figcaption')?.textContent).toBe('Answered per day, last 14 days: 12');
    // The oldest wait in the list's own style.
    expect(root.querySelector('.stats .headline')?.textContent).toBe('The oldest comment has waited 3d.');
  });

  it('says how fast a few answers came, and that nothing waits', async () => {
    await report(scanned('1', { createdAt: null }));
    clock += 90 * 60_000;
    await call('items/act', { key: 'x:1', action: 'answer' });
    render(<Popup />, root);
    button('Stats').click();
    const table = await waitFor(() => root.querySelector('.stats table'), 'the stats table');
    const x = [...table.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')?.textContent === 'X')!;
    expect([...x.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['answered within 2h', 'answered within 2h']);
    expect(root.querySelector('.stats .headline')?.textContent).toBe('Nothing is waiting for an answer.');
  });

  it('inserts and copies saved replies, and points to the options when there are none', async () => {
    render(<Popup />, root);
    button('Saved replies').click();
    await waitFor(() => root.querySelector('.empty'), 'the empty state');
    button('Add a saved reply').click();
    expect(fake.optionsOpened).toBe(1);
    render(null, root);

    await call('snippets/save', { id: null, title: 'Thanks', body: 'Thank you, {first_name}!', tags: [], shortcut: 'ty' });
    render(<Popup />, root);
    button('Saved replies').click();
    await waitFor(() => root.querySelector('li.snippet'), 'the saved reply');
    button('Insert').click();
    await waitFor(() => status().startsWith('Inserted'), 'the insertion');
    expect(status()).toBe('Inserted “Thanks” into the comment box.');
    expect(fake.inserted).toEqual(['Thank you, {first_name}!']);
  });

  it('speaks German when the browser does', async () => {
    const german = readCatalog('de');
    setMessageLookup((key, subs) => resolveMessage(german, key, subs));
    await report(scanned('1'), scanned('2'));
    render(<Popup />, root);
    await waitFor(() => names().length === 2, 'two comments');
    expect([...root.querySelectorAll('[role=tab]')].map((b) => b.textContent)).toEqual([
      'Kommentare',
      'Gespeicherte Antworten',
      'Statistik',
    ]);
    expect(root.querySelector('li.group')?.textContent).toBe(' 2 in einer Unterhaltung auf X');
    expect(buttons('Als beantwortet markieren')).toHaveLength(2);
  });
});

describe('the options page', () => {
  it('creates, finds, sorts, duplicates and deletes saved replies', async () => {
    render(<Options />, root);
    const form = await waitFor(() => root.querySelector<HTMLFormElement>('form[aria-label="New saved reply"]'), 'the editor');
    button('Add saved reply', form).click();
    await waitFor(() => root.textContent?.includes('Give the saved reply a title.'), 'the validation message');

    const save = async (title: string, body: string, tags: string) => {
      await type(form.querySelector<HTMLInputElement>('[name=title]')!, title);
      await type(form.querySelector<HTMLTextAreaElement>('[name=body]')!, body);
      await type(form.querySelector<HTMLInputElement>('[name=tags]')!, tags);
      button('Add saved reply', form).click();
      await waitFor(() => root.textContent?.includes(`Saved “${title}”.`), `“${title}” saved`);
    };
    await save('Opening hours', 'We open at 9.', 'info, hours');
    clock += 1000;
    await save('Apology', 'Sorry about that, {first_name}.', 'support');
    const titles = () => [...root.querySelectorAll('.snippet-list li strong')].map((s) => s.textContent);
    await waitFor(() => titles().length === 2, 'two saved replies');
    expect(root.querySelector('.snippet-list li .usage')?.textContent).toBe('never used');

    await type(root.querySelector<HTMLSelectElement>('select[name=snippet-order]')!, 'title');
    await waitFor(() => titles()[0] === 'Apology', 'sorted by title');
    await type(root.querySelector<HTMLSelectElement>('select[name=snippet-order]')!, 'newest');
    await waitFor(() => titles()[0] === 'Apology', 'newest first');
    expect(titles()).toEqual(['Apology', 'Opening hours']);

    root.querySelector<HTMLButtonElement>('button.tag[aria-label="Show saved replies tagged hours"]')!.click();
    await waitFor(() => titles().length === 1, 'the tag search');
    expect(titles()).toEqual(['Opening hours']);

    button('Duplicate').click();
    await waitFor(() => titles().includes('Opening hours (copy)'), 'the copy');
    expect(root.querySelector<HTMLInputElement>('[name=title]')!.value).toBe('Opening hours (copy)');

    window.confirm = () => true;
    root.querySelector<HTMLButtonElement>('button[aria-label="Delete Opening hours (copy)"]')!.click();
    await waitFor(() => !titles().includes('Opening hours (copy)'), 'the copy deleted');
    const listed = await call('snippets/list', {});
    expect((listed.value as { title: string }[]).map((s) => s.title).sort()).toEqual(['Apology', 'Opening hours']);
  });

  it('turns a site off and on, and keeps a typed handle', async () => {
    render(<Options />, root);
    const youtube = await waitFor(() => root.querySelector<HTMLInputElement>('input[name=site-youtube]'), 'the sites');
    expect(youtube.checked).toBe(true);
    youtube.click();
    await waitFor(() => root.textContent?.includes('Turned off for YouTube'), 'YouTube off');
    expect((await call('settings/get', {})).value).toMatchObject({ disabledSites: ['youtube'] });

    const handle = root.querySelector<HTMLInputElement>('#handle-x')!;
    await type(handle, 'two words');
    button('Save', handle.form!).click();
    await waitFor(() => root.querySelector('#handle-x-hint')?.textContent?.includes('no spaces'), 'the refusal');
    await type(handle, '@brightloop');
    button('Save', handle.form!).click();
    await waitFor(() => root.querySelector('#handle-x-hint')?.textContent === 'Saved.', 'the handle saved');
    expect((await call('page/hello', { site: 'x' }, tab)).value).toMatchObject({ owner: 'brightloop', enabled: true });
  });

  it('adds a Mastodon instance after the browser grants it, lists it, and removes it with its access', async () => {
    render(<Options />, root);
    const section = await waitFor(() => root.querySelector('section[aria-labelledby=instances-title]'), 'the section');
    await waitFor(() => section.textContent?.includes('No instance added yet.'), 'the empty list');
    const field = section.querySelector<HTMLInputElement>('#instance-host')!;
    const add = () => button('Add instance', section).click();
    const said = () => section.querySelector('p[role=status]')?.textContent ?? '';

    await type(field, 'http://mastodon.social');
    add();
    await waitFor(() => said().includes('not a server address'), 'the refusal');
    expect(fake.prompts).toEqual([]);

    fake.promptAnswer = false;
    await type(field, '@brightloop@Mastodon.Social');
    add();
    await waitFor(() => said().includes('did not give access to mastodon.social'), 'the browser’s refusal');
    expect(fake.prompts).toEqual(['https://mastodon.social/*']);
    expect(fake.instances.scripts).toEqual([]);

    fake.promptAnswer = true;
    add();
    await waitFor(() => said().includes('Replyline runs on mastodon.social now'), 'the instance added');
    expect(field.value).toBe('');
    const row = await waitFor(() => section.querySelector('li.instance'), 'the row');
    expect(row.querySelector('strong')?.textContent).toBe('mastodon.social');
    expect(row.textContent).toContain('Replyline runs here.');
    expect(fake.instances.running).toEqual(['mastodon.social']);

    // Access withdrawn in the browser's own settings: the row says so and offers to allow it again.
    fake.instances.granted.clear();
    render(null, root);
    render(<Options />, root);
    const allow = await waitFor(() => buttons('Allow again')[0], 'the allow button');
    expect(allow.getAttribute('aria-label')).toBe('Allow again: mastodon.social');
    expect(root.querySelector('li.instance')?.textContent).toContain('Access withdrawn');
    allow.click();
    await waitFor(() => root.querySelector('li.instance')?.textContent?.includes('Replyline runs here.'), 'access back');

    button('Remove').click();
    await waitFor(() => root.textContent?.includes('Removed mastodon.social'), 'the removal');
    await waitFor(() => root.textContent?.includes('No instance added yet.'), 'the empty list again');
    expect(fake.instances.scripts).toEqual([]);
    expect(fake.instances.granted.size).toBe(0);
  });

  /** Chooses a file in the data section's import field, as the browser's file picker does. */
  async function chooseBackup(text: string) {
    const input = await waitFor(() => root.querySelector<HTMLInputElement>('input[name=import]'), 'the import field');
    Object.defineProperty(input, 'files', { value: [new File([text], 'backup.json')], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return waitFor(() => root.querySelector('[aria-label="Import preview"]'), 'the preview');
  }
  const dataStatus = () => root.querySelector('[data-testid=data-status]')?.textContent ?? '';

  it('previews a backup with the unknown fields it leaves out, writes it from the page, and the background follows', async () => {
    const counts: number[] = [];
    const fx = { ...effects(), setPendingCount: (n: number) => void counts.push(n) };
    const service = createService(await openReplylineDb(), fx);
    fake.route = createRouter(() => service.handlers, {
      extensionId: 'ext',
      extensionOrigin: 'chrome-extension://ext/',
      isContentUrl: () => false,
    });
    render(<Options />, root);
    const empty = await exportOf();
    const file = { ...empty, note: 'made by hand', items: [{ ...logged('10', {}, clock - 1000), color: 'red' }] };
    const preview = await chooseBackup(JSON.stringify(file));
    expect(preview.textContent).toMatch(/1 comments \(1 waiting\) from X/);
    expect(root.querySelector('[data-testid=import-dropped]')?.textContent).toBe('2 fields Replyline does not know will be left out.');
    button('Import', preview).click();
    await waitFor(() => dataStatus().startsWith('Merged 1 comments'), 'the import');
    const listed = (await call('items/list', { statuses: ['pending'] })).value as Record<string, unknown>[];
    expect(listed.map((i) => i.key)).toEqual(['x:10']);
    expect(Object.keys(listed[0]!)).not.toContain('color');
    expect(counts.at(-1)).toBe(1); // data/imported: the toolbar count follows
  });

  it('a write that fails in the page changes nothing, says so, and keeps the preview to try again', async () => {
    await report(scanned('1'));
    render(<Options />, root);
    const before = await exportOf();
    const preview = await chooseBackup(JSON.stringify({ ...before, items: [logged('2', {}, clock - 1000), logged('3', {}, clock - 1000)] }));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Maximum call stack size exceeded', 'DataCloneError');
    });
    button('Import', preview).click();
    await waitFor(() => dataStatus().includes('Nothing was changed'), 'the failure');
    put.mockRestore();
    expect(dataStatus()).toBe('The browser could not save the imported data. Nothing was changed.');
    expect((await exportOf()).items).toEqual(before.items);
    expect(root.querySelector('[aria-label="Import preview"]')).not.toBeNull();
  });

  it('asks for the full address as the Mastodon handle', async () => {
    render(<Options />, root);
    const handle = await waitFor(() => root.querySelector<HTMLInputElement>('#handle-mastodon'), 'the Mastodon row');
    expect(handle.placeholder).toBe('@you@your.instance');
    await type(handle, 'brightloop');
    button('Save', handle.form!).click();
    await waitFor(() => root.querySelector('#handle-mastodon-hint')?.textContent?.includes('full address'), 'the refusal');
  });
});
