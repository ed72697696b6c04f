/** What a part of an extension page last said, and the one line that says it. */
import { useMemo, useState } from 'preact/hooks';
import { errorText } from './api';

export type Tone = 'success' | 'error';

/** A message and its tone; a message without a tone is a plain note. Null: nothing said yet. */
export type Status = { text: string; tone?: Tone } | null;

interface StatusLineProps {
  status: Status;
  /** `alert` for a failure that must interrupt: that line is there only while it has something to say. */
  role?: 'status' | 'alert';
  as?: 'p' | 'span';
  /** Classes the line always has, before its tone's. */
  class?: string;
  /** What the line says, and the class it takes, while nothing was reported. */
  idle?: { text: string; class: string };
  id?: string;
  testId?: string;
}

export function StatusLine({ status, role = 'status', as: Tag = 'p', class: base, idle, id, testId }: StatusLineProps) {
  if (role === 'alert' && !status) return null;
  const tone = status ? (status.tone ?? '') : (idle?.class ?? '');
  return (
    <Tag id={id} class={[base, tone].filter(Boolean).join(' ')} role={role} data-testid={testId}>
      {status ? status.text : idle?.text}
    </Tag>
  );
}

/** How a part reports on its status line; the same functions for the life of the page. */
export interface Reporter {
  success: (text: string) => void;
  error: (text: string) => void;
  /** A message without a tone. */
  note: (text: string) => void;
  clear: () => void;
  /** Runs a step that reports its own success; what it throws is said as an error (in `wrap`'s words, if given). */
  attempt: (step: () => Promise<unknown>, wrap?: (text: string) => string) => Promise<void>;
}

function reporter(setStatus: (status: Status) => void): Reporter {
  const error = (text: string) => setStatus({ text, tone: 'error' });
  return {
    success: (text) => setStatus({ text, tone: 'success' }),
    error,
    note: (text) => setStatus({ text }),
    clear: () => setStatus(null),
    attempt: async (step, wrap = (text) => text) => {
      try {
        await step();
      }
      catch (e) {
        error(wrap(errorText(e)));
      }
    },
  };
}

/** A status line's state: what it says, and the reporter that changes it. */
export function useStatus(): [Status, Reporter] {
  const [status, setStatus] = useState<Status>(null);
  const report = useMemo(() => reporter(setStatus), []);
  return [status, report];
}
