import type { InstanceBrowser, RegisteredScript, ScriptToRegister } from '../../src/background/instances';
import { instancePattern } from '../../src/core/instances';

/** The host an instance pattern names (https://<host>/*), or null: the browser's side of instancePattern. */
export function hostOfPattern(pattern: string): string | null {
  const match = /^https:\/\/([^/*]+)\/\*$/u.exec(pattern);
  return match?.[1] ?? null;
}

/**
 * The browser's side of Mastodon instances, in memory: the host access it grants and the content
 * scripts registered, with the same refusals the real calls make (a duplicate id, an unknown id).
 */
export class InstanceBrowserFake implements InstanceBrowser {
  granted = new Set<string>();
  scripts: ScriptToRegister[] = [];
  calls: string[] = [];

  hasAccess = async (pattern: string) => {
    const host = hostOfPattern(pattern);
    return host !== null && this.granted.has(host);
  };

  registered = async (): Promise<RegisteredScript[]> => this.scripts.map((s) => ({ ...s }));

  register = async (scripts: ScriptToRegister[]) => {
    for (const script of scripts) {
      if (this.scripts.some((s) => s.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
    }
    this.calls.push(`register ${scripts.map((s) => s.id).join(' ')}`);
    this.scripts.push(...scripts);
  };

  unregister = async (ids: string[]) => {
    for (const id of ids) {
      if (!this.scripts.some((s) => s.id === id)) throw new Error(`Nonexistent script ID '${id}'`);
    }
    this.calls.push(`unregister ${ids.join(' ')}`);
    this.scripts = this.scripts.filter((s) => !ids.includes(s.id));
  };

  /** The hosts a script is registered for, sorted. */
  get running(): string[] {
    return this.scripts.flatMap((s) => s.matches.map((m) => hostOfPattern(m) ?? m)).sort();
  }

  grant(host: string): void {
    this.granted.add(host);
  }

  has(host: string): boolean {
    return this.granted.has(host) && this.scripts.some((s) => s.matches.includes(instancePattern(host)));
  }
}
