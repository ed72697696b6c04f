/// <reference types="chrome" />
/**
 * The built extension in Debian's Chromium, driven by playwright-core (no browser download).
 * Fixture pages are served at the sites' real addresses by request routing: the content
 * scripts match as on the live sites, and nothing goes to the network.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Route, type Worker } from 'playwright-core';
import { instancePattern } from '../../src/core/instances';
import { SITE_HOSTS } from '../../src/core/sites';

const FIXTURES = resolve('test/fixtures');

function read(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** The Mastodon instance the tests add (served like the built-in sites). */
const TEST_INSTANCE = 'mastodon.social';

/** A manifest match pattern as a Playwright route: `https://x.com/*` gives `https://x.com/**`. */
function routeGlob(pattern: string): string {
  return pattern.replace(/\*$/, '**');
}

/** Which fixture answers which address. */
function xPage(url: URL): string | null {
  if (/^\/notifications(\/mentions)?\/?$/.test(url.pathname)) return 'x/mentions.html';
  if (url.pathname.startsWith('/brightloop/status/')) return 'x/conversation.html';
  if (/^\/\w+\/status\/\d+/.test(url.pathname)) return 'x/other-conversation.html';
  return 'x/conversation.html';
}

export interface FixtureResponse {
  status: number;
  contentType: string;
  body: string;
}

/** What a fixture server answers at a site address, in either browser; null: nothing there. */
export function fixtureFor(url: URL): FixtureResponse | null {
  const ok = (contentType: string, body: string) => ({ status: 200, contentType, body });
  if (url.hostname === 'studio.youtube.com') {
    if (url.pathname === '/_replyline_fixture/studio.js') return ok('text/javascript', read('youtube/studio.js'));
    if (/\/comments(\/|$)/.test(url.pathname)) return ok('text/html', read('youtube/studio-inbox.html'));
    return ok('text/html', '<!doctype html><title>YouTube Studio</title><p>Dashboard</p>');
  }
  if (url.hostname === 'www.youtube.com') {
    // The interface's language as YouTube takes it from the address (?hl=de).
    const hl = url.searchParams.get('hl');
    if (url.pathname === '/watch') return ok('text/html', read(hl ? `youtube/watch-${hl}.html` : 'youtube/watch.html'));
    return ok('text/html', '<!doctype html><title>YouTube</title><p>Home</p>');
  }
  if (url.hostname === 'bsky.app') {
    if (url.pathname === '/_replyline_fixture/bluesky-composer.js') {
      return ok('text/javascript', readFileSync('test/.cache/bluesky-composer.js', 'utf8'));
    }
    if (/^\/notifications\/?$/.test(url.pathname)) return ok('text/html', read('bluesky/notifications.html'));
    if (/^\/profile\/[^/]+\/post\/\w+$/.test(url.pathname)) return ok('text/html', read('bluesky/thread.html'));
    return ok('text/html', '<!doctype html><title>Bluesky</title><p>Home</p>');
  }
  if (url.hostname === 'www.reddit.com' || url.hostname === 'old.reddit.com') {
    const script = /^\/_replyline_fixture\/(reddit-composer|reddit-old)\.js$/.exec(url.pathname);
    if (script) return ok('text/javascript', readFileSync(`test/.cache/${script[1]}.js`, 'utf8'));
    if (url.hostname === 'old.reddit.com' && /^\/message\/(inbox|mentions)\/?$/.test(url.pathname)) {
      return ok('text/html', read('reddit/old-inbox.html'));
    }
    if (/^\/r\/\w+\/comments\//.test(url.pathname)) {
      return ok('text/html', read(url.hostname === 'old.reddit.com' ? 'reddit/old-post.html' : 'reddit/post.html'));
    }
    return ok('text/html', '<!doctype html><title>Reddit</title><p>Home</p>');
  }
  if (url.hostname === 'www.facebook.com') {
    if (url.pathname === '/_replyline_fixture/facebook-composer.js') {
      return ok('text/javascript', readFileSync('test/.cache/facebook-composer.js', 'utf8'));
    }
    const lang = url.searchParams.get('locale');
    if (url.pathname === '/permalink.php') return ok('text/html', read(lang ? `facebook/post-${lang}.html` : 'facebook/post.html'));
    if (/^\/groups\/[\w.]+\/posts\/\d+\/?$/.test(url.pathname)) return ok('text/html', read('facebook/post-group.html'));
    return ok('text/html', '<!doctype html><title>Facebook</title><p>Home</p>');
  }
  if (url.hostname === 'www.linkedin.com') {
    const script = /^\/_replyline_fixture\/(linkedin-v[12])\.js$/.exec(url.pathname);
    if (script) return ok('text/javascript', readFileSync(`test/.cache/${script[1]}.js`, 'utf8'));
    // LinkedIn serves either structure at the same address; ?structure=v1 picks the older one here.
    if (url.pathname.startsWith('/feed/update/urn:li:ugcPost:')) return ok('text/html', read('linkedin/post-v2-ugc.html'));
    if (url.pathname.startsWith('/feed/update/')) {
      return ok('text/html', read(url.searchParams.get('structure') === 'v1' ? 'linkedin/post-v1.html' : 'linkedin/post-v2.html'));
    }
    return ok('text/html', '<!doctype html><title>LinkedIn</title><p>Feed</p>');
  }
  if (url.hostname === 'www.tiktok.com') {
    if (url.pathname === '/_replyline_fixture/tiktok-composer.js') {
      return ok('text/javascript', readFileSync('test/.cache/tiktok-composer.js', 'utf8'));
    }
    // The interface's language as TikTok takes it from the address (?lang=de).
    const lang = url.searchParams.get('lang');
    if (/^\/@[\w.]+\/video\/\d+$/.test(url.pathname)) return ok('text/html', read(lang ? `tiktok/video-${lang}.html` : 'tiktok/video.html'));
    return ok('text/html', '<!doctype html><title>TikTok</title><p>For you</p>');
  }
  if (url.hostname === 'www.instagram.com') {
    if (url.pathname === '/_replyline_fixture/instagram-composer.js') {
      return ok('text/javascript', readFileSync('test/.cache/instagram-composer.js', 'utf8'));
    }
    if (/^\/p\/[\w-]+\/?$/.test(url.pathname)) return ok('text/html', read('instagram/post.html'));
    return ok('text/html', '<!doctype html><title>Instagram</title><p>Feed</p>');
  }
  if (url.hostname === 'www.threads.com' || url.hostname === 'www.threads.net') {
    if (url.pathname === '/_replyline_fixture/threads-composer.js') {
      return ok('text/javascript', readFileSync('test/.cache/threads-composer.js', 'utf8'));
    }
    if (/^\/@[\w.]+\/post\/[\w-]+$/.test(url.pathname)) return ok('text/html', read('threads/post.html'));
    return ok('text/html', '<!doctype html><title>Threads</title><p>For you</p>');
  }
  if (url.hostname === TEST_INSTANCE) {
    if (url.pathname === '/_replyline_fixture/mastodon-composer.js') {
      return ok('text/javascript', readFileSync('test/.cache/mastodon-composer.js', 'utf8'));
    }
    if (/^\/notifications\/?$/.test(url.pathname)) return ok('text/html', read('mastodon/notifications.html'));
    if (/^\/@[\w.@-]+\/\d+$/.test(url.pathname)) return ok('text/html', read('mastodon/thread.html'));
    // The advanced layout: home, notifications and the conversation side by side.
    if (/^\/deck\/(@[\w.@-]+\/\d+|notifications)$/.test(url.pathname)) return ok('text/html', read('mastodon/deck.html'));
    return ok('text/html', '<!doctype html><title>Mastodon</title><p>Home</p>');
  }
  if (url.hostname !== 'x.com') return null;
  if (url.pathname === '/_replyline_fixture/x-editor.js') {
    return ok('text/javascript', readFileSync('test/.cache/x-editor.js', 'utf8'));
  }
  const editor = /^\/_replyline_fixture\/editors\/([\w-]+)(\.js)?$/.exec(url.pathname);
  if (editor?.[2]) return ok('text/javascript', readFileSync(`test/.cache/editors/${editor[1]}.js`, 'utf8'));
  if (editor) return ok('text/html', editorPage(editor[1] ?? ''));
  // X as it would look after renaming a hook Replyline relies on (the tweets' data-testid).
  if (url.pathname.startsWith('/changedmarkup/status/')) {
    return ok('text/html', read('x/conversation.html').replaceAll('data-testid="tweet"', 'data-testid="post"'));
  }
  const page = xPage(url);
  return page ? ok('text/html', read(page)) : null;
}

/** A page holding one real editor, as a site's comment box would. */
function editorPage(name: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Editor: ${name}</title>
<style>body{font:15px system-ui;margin:24px} #editor-host>*{min-height:60px;border:1px solid #999;padding:6px;width:520px}</style>
</head><body><main><div id="editor-host"></div></main>
<script src="/_replyline_fixture/editors/${name}.js"></script></body></html>`;
}

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profile: string;
  /** The welcome page Replyline opened on install, when launched with `keepWelcome` (else it was closed). */
  welcome: Page | null;
  extensionPage(path: 'popup' | 'options' | 'welcome'): Promise<Page>;
  /** The toolbar badge text, read from the service worker. */
  badgeText(): Promise<string>;
  /** Asks the content script of the tab showing `url` to insert a snippet body, as the popup's Insert does. */
  insertInto(url: string, body: string): Promise<unknown>;
  /** An item as the background stored it (read in the service worker's IndexedDB). */
  storedItem(key: string): Promise<Record<string, unknown> | null>;
  close(): Promise<void>;
}

/**
 * The tab Replyline opens when it is installed, once it shows the welcome page. The worker may have
 * opened it before anyone listens, so the tabs already open are looked at too.
 */
function welcomeOpened(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/src/welcome/index.html`;
  return new Promise((done, fail) => {
    const check = (page: Page) => {
      // A tab may be reported before its first navigation: look again once it has one.
      if (page.url() === 'about:blank') page.once('framenavigated', () => check(page));
      if (page.url() !== url) return;
      clearTimeout(timer);
      context.off('page', check);
      done(page);
    };
    const timer = setTimeout(() => {
      context.off('page', check);
      fail(new Error('Replyline did not open its welcome page on install.'));
    }, 30_000);
    context.on('page', check);
    context.pages().forEach(check);
  });
}

export interface LaunchOptions {
  headless?: boolean;
  dist?: string;
  /** Leaves the welcome page Replyline opens on install (else it is closed: each test starts with no tab of ours). */
  keepWelcome?: boolean;
  /** The browser's language (the extension's messages follow it), e.g. 'de'. */
  lang?: string;
  /** Dresses fixture pages in their site's look (test/demo/, for npm run demo); tests see them bare. */
  siteLook?: boolean;
}

/** npm run demo's stylesheets, by host: our own CSS that makes a fixture page recognisable. */
const LOOKS: Record<string, string> = { 'x.com': 'x.css', 'www.youtube.com': 'youtube.css', 'www.tiktok.com': 'tiktok.css' };

/** A fixture page with its site's look added at the end of its head (the markup stays the fixture's). */
function dressed(url: URL, answer: FixtureResponse): FixtureResponse {
  const file = LOOKS[url.hostname];
  if (!file || !answer.contentType.startsWith('text/html')) return answer;
  const css = readFileSync(resolve('test/demo', file), 'utf8');
  return { ...answer, body: answer.body.replace(/<\/head>/i, () => `<style>${css}</style></head>`) };
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const dist = resolve(options.dist ?? 'dist');
  const profile = mkdtempSync(join(tmpdir(), 'replyline-profile-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    viewport: { width: 1100, height: 900 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  const serve = (route: Route) => {
    const url = new URL(route.request().url());
    const answer = fixtureFor(url);
    if (!answer) return route.abort();
    return route.fulfill(options.siteLook ? dressed(url, answer) : answer);
  };
  // Every host a site declares (src/core/sites), as the manifest does; and a Mastodon instance,
  // served like any site, where Replyline runs only once the user adds it.
  for (const pattern of [...SITE_HOSTS, instancePattern(TEST_INSTANCE)]) await context.route(routeGlob(pattern), serve);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const welcome = await welcomeOpened(context, extensionId);
  if (!options.keepWelcome) await welcome.close();
  return {
    context,
    worker,
    extensionId,
    profile,
    welcome: options.keepWelcome ? welcome : null,
    async extensionPage(path) {
      const page = await context.newPage();
      // The toolbar popup at its size (400 x 600, the most the browsers give it); the options page is a normal tab.
      if (path === 'popup') await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/src/${path}/index.html`);
      return page;
    },
    badgeText: () => worker.evaluate(() => chrome.action.getBadgeText({})),
    insertInto: (url, body) =>
      worker.evaluate(
        async ([pageUrl, text]) => {
          // The newest tab showing the page: one closed a moment ago may still be listed.
          const tabs = await chrome.tabs.query({});
          const tab = tabs.filter((t) => t.url === pageUrl).sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
          if (tab?.id === undefined) throw new Error(`no tab shows ${pageUrl}`);
          // The content script listens once its module has loaded, which may be after the page's
          // load: wait until it answers a message that changes nothing, then ask for the insertion once.
          const deadline = Date.now() + 15_000;
          for (;;) {
            try {
              await chrome.tabs.sendMessage(tab.id, { type: 'content/statuses', payload: { statuses: {} } }, { frameId: 0 });
              break;
            }
            catch (error) {
              if (!/Receiving end does not exist/.test(String(error)) || Date.now() > deadline) throw error;
              await new Promise((done) => setTimeout(done, 50));
            }
          }
          return chrome.tabs.sendMessage(tab.id, { type: 'content/insert', payload: { body: text } }, { frameId: 0 });
        },
        [url, body] as const,
      ),
    storedItem: (key) =>
      worker.evaluate(
        (k) =>
          new Promise<Record<string, unknown> | null>((done, fail) => {
            const open = indexedDB.open('replyline');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('items').objectStore('items').get(k);
              get.onsuccess = () => {
                done((get.result as Record<string, unknown> | undefined) ?? null);
                open.result.close();
              };
              get.onerror = () => fail(get.error);
            };
          }),
        key,
      ),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a screenshot under test/.artifacts/, and, for the README's pictures, under test/screenshots/
 * when UPDATE_SCREENSHOTS=1.
 */
export async function screenshot(
  page: Page,
  name: string,
  use: 'readme' | 'artifact' = 'readme',
  { fullPage = false }: { fullPage?: boolean } = {},
): Promise<void> {
  await page.screenshot({ path: `test/.artifacts/${name}.png`, fullPage });
  if (use === 'readme' && process.env.UPDATE_SCREENSHOTS === '1') {
    await page.screenshot({ path: `test/screenshots/${name}.png`, fullPage });
  }
}

/** Keys and statuses of the badges drawn on a page, in page order. */
export async function badges(page: Page): Promise<[string, string][]> {
  return page.$$eval('[data-replyline-key]', (hosts) =>
    hosts.map((h) => [
      h.getAttribute('data-replyline-key') ?? '',
      h.getAttribute('data-replyline-status') ?? '',
    ]),
  );
}

/** Adds a saved reply through the options page, as a user would. */
export async function addSnippet(session: Session, title: string, body: string): Promise<void> {
  const options = await session.extensionPage('options');
  await options.fill('input[name=title]', title);
  await options.fill('textarea[name=body]', body);
  await options.click('button[type=submit].primary');
  await options
    .getByRole('status')
    .filter({ hasText: `Saved “${title}”` })
    .waitFor();
  await options.close();
}

export async function setHandle(session: Session, site: string, handle: string): Promise<void> {
  const options = await session.extensionPage('options');
  await options.fill(`#handle-${site}`, handle);
  await options.locator(`#handle-${site}`).press('Enter');
  await options.locator(`#handle-${site}-hint`).filter({ hasText: 'Saved.' }).waitFor();
  await options.close();
}

/**
 * The user's "Allow" for a host (a Mastodon instance, the team's server). Chromium's permission
 * prompt cannot be clicked from a test, so the grant is given the way a user can in advance
 * (chrome://extensions, site access on specific sites); the options page's own
 * permissions.request then resolves at once, as after a click on "Allow".
 */
export async function allowHost(session: Session, pattern: string): Promise<void> {
  const settings = await session.context.newPage();
  await settings.goto(`chrome://extensions/?id=${session.extensionId}`);
  await settings.evaluate(
    ([id, origin]) =>
      (
        chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }
      ).developerPrivate.addHostPermission(id, origin),
    [session.extensionId, pattern] as const,
  );
  await settings.close();
}

/**
 * How many comments the log holds, read in an extension page (same origin as the worker, which it
 * does not wake) or in the worker itself.
 */
export function countItems(where: { evaluate<R>(run: () => Promise<R>): Promise<R> }): Promise<number> {
  return where.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('replyline');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('items').objectStore('items').count();
          count.onsuccess = () => {
            open.result.close();
            done(count.result);
          };
          count.onerror = () => fail(count.error);
        };
      }),
  );
}
