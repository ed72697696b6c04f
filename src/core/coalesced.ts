/** Runs of an async job that must not overlap. */

/**
 * `run` one at a time: a call while it runs asks for one more run after it, however many calls came.
 * A run that fails is logged and does not stop the next ones (`run` says its own failures to the user).
 */
export function coalesced(run: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const loop = async () => {
    running = true;
    do {
      again = false;
      try {
        await run();
      }
      catch (error) {
        console.error('Replyline:', error);
      }
    } while (again);
    running = false;
  };
  return () => {
    if (running) again = true;
    else void loop();
  };
}
