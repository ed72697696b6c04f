/**
 * The team database's design document (scripts/team-setup.mjs). Its `validate_doc_update` runs on
 * the server for every write, replicated ones included:
 * - only the database's members (and server admins) write: its `_security`, which the server
 *   checks before any of this;
 * - a deletion passes (members resolve conflicts by deleting the losing revisions: src/core/team-merge.ts);
 * - every other document is one of Replyline's (item:, assign:, reply:, settings:) and names its
 *   actor (its last editor, for a team reply or a handle): the member signed in, unless it carries
 *   the register it updates unchanged (facts refreshed, a reply's use counted, a conflict resolved)
 *   or no action at all (a comment seen, nobody acted yet).
 */
function validate(newDoc, oldDoc, userCtx) {
  // Who may write at all is the database's `_security` members: the server refuses anyone else first.
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (newDoc._deleted) return;
  var field = { item: 'state', assign: 'assign', reply: 'reply', settings: 'handle' }[String(newDoc._id).split(':')[0]];
  var register = field && newDoc[field];
  if (!register || typeof register.actor !== 'string') throw { forbidden: 'Not a Replyline document.' };
  if (register.actor === userCtx.name) return;
  if (field === 'state' && register.action === 'none' && register.actor === '') return;
  var before = oldDoc && !oldDoc._deleted ? oldDoc[field] : null;
  if (before && JSON.stringify(before) === JSON.stringify(register)) return;
  throw { forbidden: 'A member acts in their own name only.' };
}

export function teamDesign() {
  return { _id: '_design/replyline', language: 'javascript', validate_doc_update: validate.toString() };
}
