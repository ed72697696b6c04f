/**
 * The team's reply library and shared settings (issue 16): one document per team reply
 * (`reply:<id>`) and one per site's handle (`settings:handle:<site>`), and the rule every member's
 * browser merges them by, the same way whatever order the revisions arrive in.
 *
 * A reply's text is one register: the last edit (who, what, when), or a deletion (a tombstone, text
 * null), ordered totally:
 * 1. the later edit wins (`at`, the editing browser's clock, in ms): an edit older than a deletion
 *    never brings the reply back, and an edit made after it does (nothing written later is lost);
 * 2. at the same ms, a deletion wins over an edit;
 * 3. then the member name, in code-unit order ("ana" wins over "leo"), as for the log's statuses;
 * 4. then the text itself (one member editing in two browsers at the same ms).
 *
 * Its usage is a count per member, each only ever growing, merged by the maximum per member (the
 * total is their sum), and the time it was last used, merged by the maximum.
 *
 * A site's handle is a register of the same kind (a handle, or null: cleared), in a document of its
 * own, so a conflict is resolved by keeping one revision and deleting the others, never by writing a
 * merged document in someone else's name (the design document would refuse it).
 */
import { SNIPPET_LIMITS } from './snippets';
import type { ListedSnippet, SiteId, SnippetDraft } from './types';
import { arrayOf, type Check, isRecord, nullable, num, shape, str } from './validate';

/** What a member edits of a team reply. */
export interface ReplyText {
  title: string;
  body: string;
  tags: string[];
  shortcut: string;
}

/** The last edit of a team reply; text null: deleted. */
export interface ReplyRegister {
  text: ReplyText | null;
  at: number;
  actor: string;
}

export interface TeamReplyDoc {
  _id: string;
  _rev?: string;
  reply: ReplyRegister;
  /** Uses per member, each merged by its maximum. */
  uses: Record<string, number>;
  lastUsedAt: number | null;
  createdAt: number;
}

export type TeamReplyBody = Omit<TeamReplyDoc, '_id' | '_rev'>;

/** A site's handle as the team set it; handle null: cleared (each member's own applies). */
export interface HandleRegister {
  handle: string | null;
  at: number;
  actor: string;
}

export interface TeamHandleDoc {
  _id: string;
  _rev?: string;
  handle: HandleRegister;
}

const REPLY_PREFIX = 'reply:';
const HANDLE_PREFIX = 'settings:handle:';

export function replyDocId(id: string): string {
  return REPLY_PREFIX + id;
}

export function isReplyDocId(id: string): boolean {
  return id.startsWith(REPLY_PREFIX) && id.length > REPLY_PREFIX.length;
}

export function handleDocId(site: SiteId): string {
  return HANDLE_PREFIX + site;
}

/** The site of a handle document's id (null for any other document; the caller checks it is a site). */
export function siteOfDocId(id: string): string | null {
  return id.startsWith(HANDLE_PREFIX) ? id.slice(HANDLE_PREFIX.length) : null;
}

/*
 * A teammate's browser wrote these documents: each is checked before it is listed or merged, and one
 * that is not what Replyline writes is left alone (it must not stop the sync or the picker).
 */
const L = SNIPPET_LIMITS;
const replyText: Check<ReplyText> = shape<ReplyText>({
  title: str(L.title, 1),
  body: str(L.body, 1),
  tags: arrayOf(str(L.tag), L.tags),
  shortcut: str(L.shortcut),
});
const member = str(200);
const counts: Check<Record<string, number>> = (v): v is Record<string, number> =>
  isRecord(v) && Object.keys(v).length <= 1000 && Object.values(v).every((n) => num(n) && n >= 0);

export const isReplyBody: Check<TeamReplyBody> = shape<TeamReplyBody>({
  reply: shape<ReplyRegister>({ text: nullable(replyText), at: num, actor: member }),
  uses: counts,
  lastUsedAt: nullable(num),
  createdAt: num,
});

export const isHandleBody: Check<Omit<TeamHandleDoc, '_id' | '_rev'>> = shape({
  handle: shape<HandleRegister>({ handle: nullable(str(200)), at: num, actor: member }),
});

function byName(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Positive when `a` wins over `b`, negative when `b` wins, 0 only for equal registers. */
export function compareReplies(a: ReplyRegister, b: ReplyRegister): number {
  if (a.at !== b.at) return a.at - b.at;
  const deleted = Number(a.text === null) - Number(b.text === null);
  if (deleted !== 0) return deleted;
  const name = byName(b.actor, a.actor);
  if (name !== 0) return name;
  return byName(JSON.stringify(a.text), JSON.stringify(b.text));
}

export function compareHandles(a: HandleRegister, b: HandleRegister): number {
  if (a.at !== b.at) return a.at - b.at;
  const name = byName(b.actor, a.actor);
  if (name !== 0) return name;
  // Same member, same ms, two browsers: cleared, then handles in code-unit order.
  return byName(a.handle ?? '', b.handle ?? '');
}

/** Uses per member, the larger count of each. */
export function mergeUses(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [member, count] of Object.entries(b)) out[member] = Math.max(out[member] ?? 0, count);
  return out;
}

export function totalUses(uses: Record<string, number>): number {
  return Object.values(uses).reduce((sum, count) => sum + count, 0);
}

const maxOrNull = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** Two revisions of a team reply as one: the winning edit, every member's largest count. */
export function mergeReplyBodies(a: TeamReplyBody, b: TeamReplyBody): TeamReplyBody {
  return {
    reply: compareReplies(a.reply, b.reply) >= 0 ? a.reply : b.reply,
    uses: mergeUses(a.uses, b.uses),
    lastUsedAt: maxOrNull(a.lastUsedAt, b.lastUsedAt),
    createdAt: Math.min(a.createdAt, b.createdAt),
  };
}

/** The register a member's edit makes (the draft is checked by the caller). */
export function editRegister(draft: SnippetDraft | null, actor: string, at: number): ReplyRegister {
  if (!draft) return { text: null, at, actor };
  const tags = [...new Set(draft.tags.map((tag) => tag.trim()).filter(Boolean))];
  return { text: { title: draft.title.trim(), body: draft.body, tags, shortcut: draft.shortcut.trim() }, at, actor };
}

/** A member's edit applied to the reply's current body (none: a new reply). */
export function applyEdit(current: TeamReplyBody | null, register: ReplyRegister): TeamReplyBody {
  if (!current) return { reply: register, uses: {}, lastUsedAt: null, createdAt: register.at };
  // A later edit of the same reply wins; one the document already beats changes nothing.
  return compareReplies(register, current.reply) > 0 ? { ...current, reply: register } : current;
}

/** One more use by a member. */
export function applyUse(current: TeamReplyBody, member: string, at: number): TeamReplyBody {
  return {
    ...current,
    uses: { ...current.uses, [member]: (current.uses[member] ?? 0) + 1 },
    lastUsedAt: maxOrNull(current.lastUsedAt, at),
  };
}

/** A team reply as the popup, the picker and Options list it; null once deleted. */
export function snippetOfReply(doc: TeamReplyDoc): ListedSnippet | null {
  const { text } = doc.reply;
  if (!text) return null;
  return {
    id: doc._id,
    title: text.title,
    body: text.body,
    tags: [...text.tags],
    shortcut: text.shortcut,
    uses: totalUses(doc.uses),
    lastUsedAt: doc.lastUsedAt,
    createdAt: doc.createdAt,
    updatedAt: doc.reply.at,
    team: { editedBy: doc.reply.actor },
  };
}
