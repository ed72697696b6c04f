import { describe, expect, it, vi } from 'vitest';
import { coalesced } from '../../src/core/coalesced';

/** A job whose runs end when the test says so. */
function job() {
  const ends: (() => void)[] = [];
  let runs = 0;
  const run = () => {
    runs++;
    return new Promise<void>((resolve) => ends.push(resolve));
  };
  const finish = async () => {
    ends.shift()!();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { run, finish, runs: () => runs, waiting: () => ends.length };
}

describe('coalesced', () => {
  it('runs once at a time, and once more after it for any number of calls meanwhile', async () => {
    const j = job();
    const go = coalesced(j.run);
    go();
    go();
    go();
    go();
    expect(j.runs()).toBe(1);
    await j.finish();
    expect(j.runs()).toBe(2);
    await j.finish();
    expect(j.runs()).toBe(2);
    expect(j.waiting()).toBe(0);
    go();
    expect(j.runs()).toBe(3);
  });

  it('goes on after a run that failed, and logs it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let runs = 0;
    const go = coalesced(async () => {
      runs++;
      if (runs === 1) throw new Error('no answer');
    });
    go();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    go();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(runs).toBe(2);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]?.[1])).toBe('Error: no answer');
    logged.mockRestore();
  });
});
