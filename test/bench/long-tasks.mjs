// Chromium benchmark: how long the content script holds the page's main thread while it reads a
// busy X conversation. Target (issue 2): no task of ours over 50 ms. A Chromium trace tells our
// tasks apart: a task is ours when script of the extension (chrome-extension://) runs in it.
// The page is a stress case (every reply stays in the DOM, where X keeps only what is on screen),
// so the page's own rendering is slow; it is reported beside our figures, not counted as ours.
import { loadHarness } from '../e2e/load-harness.mjs';

const TARGET_MS = 50;
const REPLIES = 1500;
const MORE = 300;
const { launch, longConversation } = await loadHarness();
const session = await launch();
const html = longConversation(REPLIES);
await session.context.route('https://x.com/brightloop/status/**', (route) =>
  route.fulfill({ contentType: 'text/html', body: html }),
);
const page = await session.context.newPage();
const cdp = await session.context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', {
  categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel',
  transferMode: 'ReportEvents',
});

async function settle(expected) {
  const started = Date.now();
  for (;;) {
    const count = await page.locator('[data-replyline-key]').count();
    if (count >= expected) return Date.now() - started;
    if (Date.now() - started > 90_000) throw new Error(`only ${count} of ${expected} badges after 90 s`);
    await page.waitForTimeout(50);
  }
}

// Of every 8 replies in the fixture, 5 are comments for the owner (waiting or answered).
const perReply = 5 / 8;
const t0 = Date.now();
await page.goto('https://x.com/brightloop/status/1950000000000000001');
await settle(Math.floor(REPLIES * perReply));
const firstPass = Date.now() - t0;

// More replies arrive, as when the user scrolls: the page adds cells in bursts of 20.
const before = await page.locator('[data-replyline-key]').count();
const t1 = Date.now();
await page.evaluate((more) => {
  const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].slice(1, 9);
  const all = document.querySelectorAll('[data-testid="cellInnerDiv"]');
  const anchor = all[all.length - 1];
  let n = 0;
  const burst = () => {
    for (let i = 0; i < 20 && n < more; i++, n++) {
      const clone = cells[n % cells.length].cloneNode(true);
      for (const host of clone.querySelectorAll('[data-replyline-host]')) host.remove();
      for (const a of clone.querySelectorAll('a[href*="/status/"]')) {
        a.setAttribute('href', a.getAttribute('href').replace(/\d{8}$/, String(10_000_000 + n)));
      }
      anchor.before(clone);
    }
    if (n < more) setTimeout(burst, 16);
  };
  burst();
}, MORE);
await settle(before + Math.floor(MORE * perReply));
const scrollPass = Date.now() - t1;
await cdp.send('Tracing.end');
await traced;
await session.close();

// Top-level tasks on the page's main thread that run script of ours. Replies to our messages
// come back through the browser's bindings as script with no URL; the page's own bursts look the
// same, so those count as ours too: a conservative count.
const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
const scriptCalls = complete.filter((e) => {
  if (e.name !== 'FunctionCall' && e.name !== 'EvaluateScript') return false;
  const url = e.args?.data?.url ?? '';
  return url === '' || url.startsWith('chrome-extension://');
});
const tasks = complete.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
const ourTasks = tasks.filter((t) =>
  scriptCalls.some((o) => o.pid === t.pid && o.tid === t.tid && o.ts >= t.ts && o.ts + o.dur <= t.ts + t.dur),
);
const longest = ourTasks.reduce((max, t) => (t.dur > (max?.dur ?? 0) ? t : max), null);
const longestOurTask = (longest?.dur ?? 0) / 1000;
// What the longest one spent its time on, for whoever has to make it shorter.
const inside = longest
  ? complete
      .filter(
        (e) =>
          e !== longest
          && e.tid === longest.tid
          && e.ts >= longest.ts
          && e.ts + e.dur <= longest.ts + longest.dur,
      )
      .sort((a, b) => b.dur - a.dur)
      .slice(0, 4)
      .map((e) => `${e.name} ${(e.dur / 1000).toFixed(1)} ms`)
      .join(', ')
  : '';
const renders = complete.filter((e) => ['Layout', 'PrePaint', 'UpdateLayoutTree', 'Paint'].includes(e.name));
const longestRender = Math.max(0, ...renders.map((e) => e.dur / 1000));

console.log(`X conversation of ${REPLIES} replies kept in the DOM, then ${MORE} more in bursts of 20:`);
console.log(`  all badges drawn after navigation:  ${firstPass} ms`);
console.log(`  new replies badged:                 ${scrollPass} ms`);
console.log(`  tasks running our script:           ${ourTasks.length}`);
console.log(
  `  longest task running our script:    ${longestOurTask.toFixed(1)} ms (target ≤ ${TARGET_MS} ms)`,
);
console.log(`    of which: ${inside}`);
console.log(
  `  longest rendering step of the page: ${longestRender.toFixed(0)} ms (the page's size, for reference)`,
);
if (ourTasks.length === 0) {
  console.log('FAIL: no task of the extension was seen in the trace');
  process.exit(1);
}
if (longestOurTask > TARGET_MS) {
  console.log(`FAIL: a task running our script took ${longestOurTask.toFixed(0)} ms`);
  process.exit(1);
}
console.log('PASS');
