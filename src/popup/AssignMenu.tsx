import type { TeamMembers } from '../shared/protocol';
import { t } from '../core/i18n';

interface AssignMenuProps {
  team: TeamMembers;
  /** Who the comment is assigned to now (undefined: nobody). */
  assignee: string | undefined;
  onAssign: (to: string | null) => void;
  onClose: () => void;
}

/** Who a comment is assigned to: each member (oneself said so), or nobody; the current one pressed. */
export function AssignMenu({ team, assignee, onAssign, onClose }: AssignMenuProps) {
  return (
    <div class="assign" role="group" aria-label={t('assignTo')}>
      {team.members.map((name) => (
        <button type="button" key={name} aria-pressed={assignee === name} onClick={() => onAssign(name)}>
          {name === team.me ? t('assignMe', name) : name}
        </button>
      ))}
      {assignee !== undefined && (
        <button type="button" onClick={() => onAssign(null)}>
          {t('unassign')}
        </button>
      )}
      <button type="button" class="link" onClick={onClose}>
        {t('cancel')}
      </button>
    </div>
  );
}
