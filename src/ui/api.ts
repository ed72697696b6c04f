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
