/**
 * A page asks for its tools once: concurrent asks share the request, a failure is told to the user
 * and the next ask tries again; the tools come from the content scripts' world, where their script
 * leaves them once, out of sight of enumeration.
 */
import { describe, expect, it } from 'vitest';
import { messageLookup } from '../../src/core/i18n';
import { contentTools, installTools } from '../../src/content/tools';
import { installedTools, TOOLS_GLOBAL, type ContentTools } from '../../src/content/tools-api';
import { requestTools, toolsLoader } from '../../src/content/tools-loader';
import type { Send } from '../../src/content/context';

const FAILED = /^Replyline could not load its reply tools on this page\./;

describe('the tools loader', () => {
  it('asks once for concurrent uses, and keeps what it got', async () => {
    let asked = 0;
    const load = toolsLoader(async () => {
      asked++;
      return contentTools;
    }, () => undefined);
    const [a, b] = await Promise.all([load(), load()]);
    expect(await load()).toBe(contentTools);
    expect([a, b, asked]).toEqual([contentTools, contentTools, 1]);
  });

  it('tells the user when the tools cannot be had, and tries again at the next use', async () => {
    const told: string[] = [];
    let attempt = 0;
    const load = toolsLoader(async () => {
      if (++attempt === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return contentTools;
    }, (message) => told.push(message));
    // The browser's words stay in the console: the user reads ours.
    await expect(load()).rejects.toThrow(FAILED);
    expect(told).toEqual([expect.stringMatching(FAILED)]);
    expect(await load()).toBe(contentTools);
    expect(attempt).toBe(2);
  });
});

describe('the tools in the content scripts\' world', () => {
  it('are installed once, not enumerable, and never replaced', () => {
    const world = {};
    expect(installedTools(world)).toBeUndefined();
    installTools(world);
    installTools(world);
    expect(installedTools(world)).toBe(contentTools);
    expect(Object.keys(world)).toEqual([]);
    expect(() => Object.assign(world, { [TOOLS_GLOBAL]: {} })).toThrow(TypeError);
  });

  it('are asked of the worker only when the world does not hold them yet', async () => {
    const world = {};
    const asked: string[] = [];
    const send = (async (type: string) => {
      asked.push(type);
      installTools(world);
      return null;
    }) as unknown as Send;
    expect(await requestTools(send, world)).toBe(contentTools);
    expect(await requestTools(send, world)).toBe(contentTools);
    expect(asked).toEqual(['tools/inject']);
  });

  it('fails when the script the worker ran left nothing', async () => {
    const send = (async () => null) as unknown as Send;
    await expect(requestTools(send, {})).rejects.toThrow(/left nothing/);
  });

  it('read their text through the page script\'s messages', async () => {
    let lookup: Parameters<ContentTools['useMessages']>[0] | null = null;
    const world = {};
    const spy: ContentTools = { ...contentTools, useMessages: (next) => void (lookup = next) };
    Object.defineProperty(world, TOOLS_GLOBAL, { value: spy });
    await requestTools((async () => null) as unknown as Send, world);
    expect(lookup!('toolsFailed', [])).toMatch(FAILED);
    expect(lookup).toBe(messageLookup());
  });
});
