/**
 * The tools (tools-api.ts), asked for once per page: the worker injects their script into this
 * frame, which leaves them on this world's global. Concurrent asks share one request; a failed one
 * (a tab where the browser refuses scripts, a worker that cannot answer) is told to the user, and
 * the next ask tries again.
 */
import { messageLookup, t } from '../core/i18n';
import type { Send } from './context';
import { type ContentTools, installedTools } from './tools-api';

/** Asks the worker for the tools' script (unless it ran here already) and takes them from the global. */
export async function requestTools(send: Send, scope: object = globalThis): Promise<ContentTools> {
  if (!installedTools(scope)) await send('tools/inject', {});
  const tools = installedTools(scope);
  if (!tools) throw new Error('Replyline: the tools script left nothing');
  // The tools read their text through this script's messages (the worker's catalogs included, content/messages.ts).
  const lookup = messageLookup();
  if (lookup) tools.useMessages(lookup);
  return tools;
}

/** One request at a time, kept once it worked; a failure is told, and forgotten. */
export function toolsLoader(
  load: () => Promise<ContentTools>,
  notify: (message: string) => void,
): () => Promise<ContentTools> {
  let pending: Promise<ContentTools> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      console.warn('Replyline: the reply tools', error);
      notify(t('toolsFailed'));
      throw new Error(t('toolsFailed'));
    });
    return pending;
  };
}
