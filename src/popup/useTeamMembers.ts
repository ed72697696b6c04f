import { useEffect, useState } from 'preact/hooks';
import type { TeamMembers } from '../shared/protocol';
import { send } from '../ui/api';

const NONE: TeamMembers = { me: null, members: [] };

/** Oneself and the team's members, once the worker answers (no team until then, and on failure). */
export function useTeamMembers(): TeamMembers {
  const [team, setTeam] = useState<TeamMembers>(NONE);
  useEffect(() => {
    send('team/members', {}).then(setTeam, () => setTeam(NONE));
  }, []);
  return team;
}
