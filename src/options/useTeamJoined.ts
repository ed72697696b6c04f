import { useEffect, useState } from 'preact/hooks';
import { send } from '../ui/api';

/** Whether this browser is in a team (issue 16): team replies and handles are offered only then. */
export function useTeamJoined(): boolean {
  const [joined, setJoined] = useState(false);
  useEffect(() => {
    let live = true;
    send('team/status', {})
      .then((status) => live && setJoined(status.team !== null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return joined;
}
