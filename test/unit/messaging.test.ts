/**
 * The one send helper: a message that found no worker (stopped by the browser, or starting) is
 * sent again when doing so twice is harmless, and no raw browser error ever reaches the user.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>();
vi.mock('../../src/shared/browser', () => ({
  browser: { runtime: { id: 'ext', sendMessage: (message: unknown) => sendMessage(message) } },
}));

const { RETRY_DELAYS_MS, send } = await import('../../src/shared/messaging');

const gone = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

describe('send', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends an idempotent message again until the worker answers', async () => {
    sendMessage
      .mockImplementationOnce(gone)
      .mockImplementationOnce(() => Promise.resolve(undefined))
      .mockImplementationOnce(() => Promise.resolve({ ok: true, value: { 'x:1': 'answered' } }));
    await expect(send('items/statuses', { keys: ['x:1'] })).resolves.toEqual({ 'x:1': 'answered' });
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('passes the background\'s own refusal through at once, without sending again', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: 'A snooze must end in the future.' });
    await expect(send('items/act', { key: 'x:1', action: 'snooze', until: 1 })).rejects.toThrow(
      'A snooze must end in the future.',
    );
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('never sends twice what must happen once, and says so in plain words', async () => {
    sendMessage.mockImplementation(gone);
    await expect(send('tabs/open', { url: 'https://x.com/a/status/1' })).rejects.toThrow(
      /restarting and could not confirm this/,
    );
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('gives up after its tries with a plain message, not the browser\'s', async () => {
    vi.useFakeTimers();
    sendMessage.mockImplementation(gone);
    const sent = send('items/act', { key: 'x:1', action: 'answer' });
    const outcome = expect(sent).rejects.toThrow('Replyline’s background is not answering right now. Please try again in a moment.');
    await vi.runAllTimersAsync();
    await outcome;
    expect(sendMessage).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
  });
});
