import { afterAll, beforeAll } from 'vitest';
import { launch, type LaunchOptions, type Session } from './harness';

/** One browser with the extension for a whole test file (each file gets a fresh profile). */
export function browserPerFile(options: LaunchOptions = {}): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await launch(options);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('The browser did not start.');
    return session;
  };
}
