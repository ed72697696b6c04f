/** A long export or import: its progress bar and its Cancel, one at a time in the data section. */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../core/i18n';

/** What a task throws when the user cancelled it (whatever stopped it inside). */
export class Cancelled extends Error {}

export interface TaskControl {
  signal: AbortSignal;
  progress(share: number): void;
}

export interface Running {
  label: string;
  share: number;
}

export interface Tasks {
  running: Running | null;
  /** Runs `work` with a signal and a progress callback; null when another task is running. */
  run<T>(label: string, work: (control: TaskControl) => Promise<T>): Promise<T> | null;
  cancel(): void;
}

export function useTasks(): Tasks {
  const [running, setRunning] = useState<Running | null>(null);
  const current = useRef<AbortController | null>(null);
  function run<T>(label: string, work: (control: TaskControl) => Promise<T>): Promise<T> | null {
    if (current.current) return null;
    const controller = new AbortController();
    current.current = controller;
    setRunning({ label, share: 0 });
    let shown = 0;
    const progress = (share: number) => {
      // A percent at a time: the bar redraws some hundred times, whatever the file's size.
      if (controller.signal.aborted || Math.floor(share * 100) === Math.floor(shown * 100)) return;
      shown = share;
      setRunning({ label, share });
    };
    const cancelled = (error: unknown) => {
      throw controller.signal.aborted ? new Cancelled() : error;
    };
    return work({ signal: controller.signal, progress }).catch(cancelled).finally(() => {
      current.current = null;
      setRunning(null);
    });
  }
  return { running, run, cancel: () => current.current?.abort() };
}

/** The running task's bar, with its Cancel. */
export function TaskProgress({ tasks }: { tasks: Tasks }) {
  const { running } = tasks;
  if (!running) return null;
  const percent = Math.floor(running.share * 100);
  return (
    <div class="row task-progress" data-testid="data-progress">
      <progress value={running.share} max={1} aria-label={running.label} />
      <span role="status">{t('progressOf', running.label, percent)}</span>
      <button type="button" onClick={tasks.cancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
