/** Extension pages talk to the background through the one send helper; errors become text. */
import { browser } from '../shared/browser';
import { send } from '../shared/messaging';

export { send };

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}

/** Saves text as a file through the browser's download (no permission needed from a page of ours). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Asks the browser for access to one origin pattern; it may show its own prompt. Call it straight
 * from a click handler: browsers only ask while the user's gesture lasts.
 */
export function requestAccess(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}
