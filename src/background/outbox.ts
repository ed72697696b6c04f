/**
 * Actions a page kept in the session's storage and never saw answered (ui/api.ts): the page was
 * closed while its send still waited for a worker being restarted. Each start of the worker applies
 * what is left, oldest first, as if the page had sent it then; the actions are idempotent, so one
 * that did arrive changes nothing more. What is older than OUTBOX_MAX_AGE_MS, or not a message, is
 * dropped. Each is taken off once applied: a worker stopped in between applies it again.
 */
import { type Envelope, isEnvelope, type KeptAction, OUTBOX_MAX_AGE_MS, OUTBOX_PREFIX } from '../shared/protocol';

/** The part of `storage.session` this needs. */
export interface SessionArea {
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

const isKept = (value: unknown): value is KeptAction =>
  typeof value === 'object' && value !== null
  && typeof (value as KeptAction).at === 'number' && isEnvelope((value as KeptAction).envelope);

/** Applies the kept actions through `apply` (the router checks sender and shape); returns how many were applied. */
export async function drainOutbox(
  area: SessionArea,
  apply: (envelope: Envelope) => Promise<unknown>,
  now: number,
): Promise<number> {
  const all = await area.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith(OUTBOX_PREFIX)).sort();
  let applied = 0;
  for (const key of keys) {
    const kept = all[key];
    if (isKept(kept) && now - kept.at <= OUTBOX_MAX_AGE_MS) {
      await apply(kept.envelope);
      applied += 1;
    }
    await area.remove([key]);
  }
  return applied;
}
