// Measuring the content script in the page: the badge clock, settling, CPU profiles and traces.

/** In the page, before its own scripts: when each badge of ours was added, on the page's clock. */
export function badgeClock() {
  const clock = { last: 0, count: 0 };
  Object.defineProperty(window, '__replylineBadges', { value: clock });
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && node.hasAttribute('data-replyline-key')) {
          clock.last = performance.now();
          clock.count++;
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

const clockOf = (page) =>
  page.evaluate(() => ({
    ...window.__replylineBadges,
    now: performance.now(),
    load: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0,
    shown: document.querySelectorAll('[data-replyline-key]').length,
  }));

/** Waits until at least `min` badges were added and none for 1.5 s; the last one's time after the load. */
export async function settle(page, min, quietMs = 1500) {
  const started = Date.now();
  for (;;) {
    const clock = await clockOf(page);
    if (clock.count >= min && clock.now - clock.last > quietMs) {
      return { badges: clock.shown, lastBadgeAfterLoad: clock.last - clock.load };
    }
    if (Date.now() - started > 180_000) throw new Error(`only ${clock.count} of ${min} badges after 180 s`);
    await page.waitForTimeout(100);
  }
}

/** Milliseconds of samples whose stack holds a frame `mine` accepts (its callees, DOM calls included). */
export function profileMs(profile, mine) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const known = new Map();
  const ours = (id) => {
    const chain = [];
    let answer = false;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      if (known.has(at)) {
        answer = known.get(at);
        break;
      }
      chain.push(at);
      if (mine(byId.get(at).callFrame)) {
        answer = true;
        break;
      }
    }
    for (const at of chain) known.set(at, answer);
    return answer;
  };
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (ours(id)) micros += profile.timeDeltas[i + 1] ?? 0;
  });
  return micros / 1000;
}

export async function startTrace(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  return { events, done };
}

export async function stopTrace(cdp, trace) {
  await cdp.send('Tracing.end');
  await trace.done;
  return trace.events;
}

/** The times (trace clock, µs) of the profile's samples whose stack holds a frame `mine` accepts. */
export function sampleTimes(profile, mine) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = [];
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    for (let node = id; node !== undefined; node = parent.get(node)) {
      if (mine(byId.get(node).callFrame)) {
        times.push(at);
        break;
      }
    }
  });
  return times;
}

/**
 * The longest top-level task on the page's main thread that runs script of ours: one holding a
 * FunctionCall or EvaluateScript from chrome-extension://, or a CPU profile sample (`ourSamples`,
 * from sampleTimes) in our script: a task posted with scheduler.postTask or an answer to a message
 * calls its function with no URL in the trace.
 */
export function longestTask(events, ourSamples = []) {
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const ourCalls = complete.filter(
    (e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && (e.args?.data?.url ?? '').startsWith('chrome-extension://'),
  );
  const tasks = complete.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const inside = (t) => (o) => o.pid === t.pid && o.tid === t.tid && o.ts >= t.ts && o.ts + o.dur <= t.ts + t.dur;
  const mainThreads = new Set(ourCalls.map((e) => `${e.pid}:${e.tid}`));
  const sorted = [...ourSamples].sort((a, b) => a - b);
  const sampled = (t) => {
    if (!mainThreads.has(`${t.pid}:${t.tid}`)) return false;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < t.ts) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo] <= t.ts + t.dur;
  };
  const ours = tasks.filter((t) => ourCalls.some(inside(t)) || sampled(t));
  const longest = ours.reduce((max, t) => Math.max(max, t.dur), 0);
  return { ms: longest / 1000, count: ours.length };
}

/**
 * In the page: `count` new reply cells (copies of the first eight, with fresh ids) at the end of the
 * conversation, after taking away the first `remove` reply cells (X keeps only the cells near the screen).
 */
function addReplies([count, remove]) {
  const all = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')];
  const templates = (window.__replylineTemplates ??= all.slice(1, 9).map((cell) => {
    const copy = cell.cloneNode(true);
    for (const host of copy.querySelectorAll('[data-replyline-host]')) host.remove();
    return copy;
  }));
  for (const cell of all.slice(1, 1 + remove)) cell.remove();
  const anchor = all[all.length - 1];
  const fresh = document.createDocumentFragment();
  for (let i = 0; i < count; i++) {
    const clone = templates[i % templates.length].cloneNode(true);
    const n = (window.__replylineFresh = (window.__replylineFresh ?? 0) + 1);
    for (const a of clone.querySelectorAll('a[href*="/status/"]')) {
      a.setAttribute('href', a.getAttribute('href').replace(/\d{9}$/, String(100_000_000 + n)));
    }
    fresh.append(clone);
  }
  anchor.before(fresh);
  return window.__replylineBadges.count;
}

/** 50 new replies (30 of them for the owner: five in each eight cells) appended, and their badges awaited. */
export async function appendCells(page, count) {
  const before = await page.evaluate(addReplies, [count, 0]);
  await waitForBadges(page, before + Math.floor((count * 5) / 8) - 1);
  await settle(page, 0, 300);
}

/** `total` items go through the page 50 at a time: the oldest 50 cells leave as 50 new ones come. */
export async function recycleCells(page, total) {
  for (let done = 0; done < total; done += 50) {
    const before = await page.evaluate(addReplies, [50, 50]);
    await waitForBadges(page, before + 30);
  }
}

async function waitForBadges(page, count) {
  await page.waitForFunction((n) => window.__replylineBadges.count >= n, count, { timeout: 60_000, polling: 20 });
}

/** Where the samples `mine` accepts were spent (the leaf frame: a DOM call shows by its name), for BENCH_DETAIL=1. */
export function topFrames(profile, mine, count = 12) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const spent = new Map();
  profile.samples.forEach((id, i) => {
    let at = id;
    while (at !== undefined && !mine(byId.get(at).callFrame)) at = parent.get(at);
    if (at === undefined) return;
    const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}:${columnNumber}`;
    spent.set(name, (spent.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...spent].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, ms]) => `${ms.toFixed(1)} ms ${name}`);
}
