import { execFileSync } from 'node:child_process';

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
}

/**
 * Runs Mozilla's add-on linter (`web-ext lint` on a folder, `addons-linter` on a zip) with JSON
 * output, and reads its report: it exits non-zero when it finds errors, and reports on stdout still.
 */
export function lintReport(args: string[]): LintReport {
  let out: string;
  try {
    out = execFileSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  }
  catch (error) {
    out = String((error as { stdout?: string }).stdout ?? '');
  }
  return JSON.parse(out.slice(out.indexOf('{'))) as LintReport;
}

/** An error as a line a failing test can show. */
export const lintLine = (e: LintMessage) => `${e.code} ${e.file ?? ''}: ${e.message}`;
