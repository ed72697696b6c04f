import { attributionOf, attributionText } from '../core/attribution';
import { formatAge } from '../core/time';
import { type Label, labelsFor } from '../core/triage';
import type { Item, ItemKind } from '../core/types';
import { SITE_NAMES } from '../core/types';
import { type MessageKey, t } from '../core/i18n';
import { inputChecked } from '../ui/fields';
import type { TeamItem } from '../core/team-doc';
import { AssignMenu } from './AssignMenu';
import { SnoozeMenu } from './SnoozeMenu';
import type { Triage } from './useTriage';
import type { RowProps } from './VirtualList';

const KIND: Record<ItemKind, MessageKey> = { comment: 'kindComment', reply: 'kindReply', mention: 'kindMention' };
const LABEL: Record<Label, MessageKey> = { question: 'labelQuestion', complaint: 'labelComplaint' };

/** In a team: who the comment is assigned to, and the button that opens "Assign to…". */
function AssignButton({ item, triage }: { item: TeamItem; triage: Triage }) {
  if (!triage.team.me) return null;
  return (
    <>
      {item.assignee && <span class="assignee muted">{t('assignedToName', item.assignee)}</span>}
      <button type="button" aria-expanded={triage.assigning === item.key} onClick={() => triage.setAssigning(item.key)}>
        {t('assignMenu')}
      </button>
    </>
  );
}

/** What can be done with one comment: open it, and answer, snooze or dismiss it, or reopen it; assign it in a team. */
function ItemActions({ item, triage }: { item: Item; triage: Triage }) {
  const act = (action: 'answer' | 'dismiss' | 'reopen', done: string) => void triage.run([item.key], { action }, done);
  const name = item.author.name;
  return (
    <div class="actions">
      <button type="button" onClick={() => void triage.open(item)}>
        {t('open')}
      </button>
      <AssignButton item={item} triage={triage} />
      {item.status === 'pending'
        ? (
            <>
              <button type="button" onClick={() => act('answer', t('doneAnsweredNamed', name))}>
                {t('markAnswered')}
              </button>
              <button type="button" onClick={() => triage.setSnoozing(item.key)}>
                {t('snoozeMenu')}
              </button>
              <button type="button" onClick={() => act('dismiss', t('doneDismissedNamed', name))}>
                {t('dismiss')}
              </button>
            </>
          )
        : (
            <>
              {item.status === 'snoozed' && item.snoozeUntil && (
                <span class="muted">{t('snoozedUntil', new Date(item.snoozeUntil).toLocaleString())}</span>
              )}
              <button type="button" onClick={() => act('reopen', t('doneReopenedNamed', name))}>
                {t('reopen')}
              </button>
            </>
          )}
    </div>
  );
}

/** Who of the team set the status, when it was a teammate ("Answered by ana · 5m ago"); nothing for one's own. */
function TeammateLine({ item, now }: { item: Item; now: number }) {
  const by = attributionOf(item);
  const text = by && attributionText(item.status, by, now);
  return text ? <span class="muted by">{text}</span> : null;
}

interface ItemRowProps {
  item: Item;
  /** Drawn under its conversation's header. */
  inGroup: boolean;
  now: number;
  triage: Triage;
  /** Its place in the list (VirtualList). */
  props: RowProps;
}

/**
 * One comment: who wrote it and how long ago; what it is and where, with its labels; its text (or the
 * snooze menu), and its actions.
 */
export function ItemRow({ item, inGroup, now, triage, props }: ItemRowProps) {
  const snoozing = triage.snoozing === item.key;
  const assigning = triage.assigning === item.key;
  const assignee = (item as TeamItem).assignee;
  const onAssign = (to: string | null) =>
    void triage.assign(item.key, to,
      to ? t('doneAssigned', item.author.name, to) : t('doneUnassigned', item.author.name));
  return (
    <li class={`item${inGroup ? ' in-group' : ''}`} data-key={item.key} {...props}>
      <div class="meta">
        <input
          type="checkbox"
          checked={triage.selected.has(item.key)}
          onChange={(e) => triage.toggle([item.key], inputChecked(e))}
          aria-label={t('selectNamed', item.author.name || item.author.handle)}
        />
        <strong>{item.author.name}</strong>
        <span class="muted">{`@${item.author.handle}`}</span>
        <span class="muted age" title={new Date(item.sortAt).toLocaleString()}>
          {formatAge(item.sortAt, now)}
        </span>
      </div>
      <div class="meta context">
        <span class="muted">{t('kindOnSite', t(KIND[item.kind]), SITE_NAMES[item.site])}</span>
        <TeammateLine item={item} now={now} />
        {labelsFor(item.text).map((l) => (
          <span class={`label ${l}`} key={l}>
            {t(LABEL[l])}
          </span>
        ))}
      </div>
      {!snoozing && <p class="excerpt">{item.text || t('noText')}</p>}
      {snoozing
        ? (
            <SnoozeMenu
              onClose={() => triage.setSnoozing(null)}
              onSnooze={(until) => void triage.run([item.key], { action: 'snooze', until }, t('doneSnoozedNamed', item.author.name))}
            />
          )
        : assigning
          ? (
              <AssignMenu
                team={triage.team}
                assignee={assignee}
                onAssign={onAssign}
                onClose={() => triage.setAssigning(null)}
              />
            )
          : <ItemActions item={item} triage={triage} />}
    </li>
  );
}
