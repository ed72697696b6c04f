/**
 * How the statuses of one Mastodon conversation answer each other. The page draws the thread as
 * one column with no parent ids: ancestors, the focused status, then its descendants depth-first
 * (a reply's own replies come right after it). What ties a reply to the status it answers is its
 * mentions: Reply starts the compose box with the author's mention and the mentions of the status
 * answered, minus the writer's own. Depth-first, the status answered is on the path from the
 * focused status down to the status just above; each reply is matched against the nearest status
 * on that path of each account it mentions (and the focused one). Each status enters and leaves
 * the path once: linear in the thread's length.
 */

export interface ThreadMember {
  /** The author's full account ("user@instance", lower-cased). */
  acct: string;
  /** The accounts it mentions, full and lower-cased, in order. */
  mentions: readonly string[];
}

export interface Relations {
  /** Each status's parent's place; -1 for the thread's first status or a status not read. */
  parent: number[];
  /** The authors of the statuses that answer each one, in page order, without repeats. */
  repliedBy: string[][];
  /** Statuses whose parent was placed by position alone: nothing on the page said whom they answer. */
  guessed: boolean[];
}

/** At most this many mentions of a status are weighed (a status mentioning dozens is rare). */
const MENTIONS_WEIGHED = 20;

/** How well `candidate` fits as the status `reply` answers: the mentions Reply would have put in. */
function fit(reply: ThreadMember, mentioned: ReadonlySet<string>, candidate: ThreadMember): number {
  const expected = new Set([candidate.acct, ...candidate.mentions.slice(0, MENTIONS_WEIGHED)]);
  expected.delete(reply.acct);
  let score = 0;
  for (const acct of expected) score += mentioned.has(acct) ? 1 : -1;
  return score;
}

/** Places `focused` and every status around it in the thread (see above). */
export function relateThread(members: readonly (ThreadMember | null)[], focused: number): Relations {
  const n = members.length;
  const parent = new Array<number>(n).fill(-1);
  const guessed = new Array<boolean>(n).fill(false);
  // Above the focused status, the ancestors: each answers the one before it.
  for (let i = 1; i <= focused && i < n; i++) parent[i] = i - 1;
  // Depth-first, the status a reply answers is on the path down to the status just above it:
  // `path` is that path (from the focused status), `byAcct` its statuses by author, nearest last.
  const path: number[] = [];
  const byAcct = new Map<string, number[]>();
  const enter = (at: number, acct: string) => {
    path.push(at);
    const list = byAcct.get(acct) ?? [];
    list.push(at);
    byAcct.set(acct, list);
  };
  const focusedMember = members[focused];
  if (focusedMember) enter(focused, focusedMember.acct);
  const nearest = (acct: string) => byAcct.get(acct)?.at(-1);
  for (let i = focused + 1; i < n && focusedMember; i++) {
    const self = members[i];
    if (!self) continue;
    const weighed = self.mentions.slice(0, MENTIONS_WEIGHED).filter((m) => m !== self.acct);
    const mentioned = new Set(weighed);
    const candidates = new Set<number>([focused]);
    for (const acct of weighed) {
      const at = nearest(acct);
      if (at !== undefined) candidates.add(at);
    }
    // A status that mentions no one continues its author's own thread, if they wrote above.
    const own = nearest(self.acct);
    if (weighed.length === 0 && own !== undefined) candidates.add(own);
    let best = focused;
    let bestFit = Number.NEGATIVE_INFINITY;
    for (const at of candidates) {
      const score = fit(self, mentioned, members[at] ?? self);
      if (score > bestFit || (score === bestFit && at > best)) {
        best = at;
        bestFit = score;
      }
    }
    parent[i] = best;
    // Mentions that name no one on the path: the focused status is a guess by position.
    guessed[i] = weighed.length > 0 && !weighed.some((acct) => nearest(acct) !== undefined);
    // The path now leads to this status: what hangs below its parent is left (each once).
    while (path.length > 0 && (path.at(-1) ?? -1) > best) {
      const left = path.pop() ?? -1;
      byAcct.get(members[left]?.acct ?? '')?.pop();
    }
    enter(i, self.acct);
  }
  const answers = members.map(() => new Set<string>());
  for (let i = 0; i < n; i++) {
    const self = members[i];
    if (self) answers[parent[i] ?? -1]?.add(self.acct);
  }
  return { parent, repliedBy: answers.map((set) => [...set]), guessed };
}
