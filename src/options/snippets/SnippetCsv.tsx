import { useState } from 'preact/hooks';
import { parseSnippetCsv, snippetsToCsv } from '../../core/csv';
import type { Snippet, SnippetDraft } from '../../core/types';
import { plural, t } from '../../core/i18n';
import { download, send } from '../../ui/api';
import { ImportPreview, pickedFile } from '../../ui/files';
import type { Reporter } from '../../ui/status';

/** The largest CSV file the page reads (the page's own bound: src/core has none for a file's size). */
const MAX_CSV_BYTES = 5_000_000;

/** How many titles the preview names before it says there are more. */
const PREVIEW_TITLES = 5;

const today = () => new Date().toISOString().slice(0, 10);

type Chosen = { name: string; drafts: SnippetDraft[] };

export interface SnippetCsv {
  /** The file read and checked, waiting to be added; null when none is. */
  file: Chosen | null;
  canExport: boolean;
  exportCsv: () => void;
  choose: (event: Event) => Promise<void>;
  add: () => Promise<void>;
  cancel: () => void;
}

/** Saved replies out to a CSV file, and in from one after a preview, said on the manager's line. */
export function useSnippetCsv(snippets: Snippet[] | null, reload: () => Promise<void>, report: Reporter): SnippetCsv {
  const [file, setFile] = useState<Chosen | null>(null);
  const exportCsv = () => {
    if (!snippets?.length) return;
    download(`replyline-saved-replies-${today()}.csv`, snippetsToCsv(snippets), 'text/csv');
    report.success(plural(snippets.length, 'csvExportedOne', 'csvExportedMany'));
  };
  const choose = async (event: Event) => {
    const { input, file: picked } = pickedFile(event);
    input.value = '';
    setFile(null);
    if (!picked) return;
    if (picked.size > MAX_CSV_BYTES) return report.error(t('csvTooLarge'));
    const parsed = parseSnippetCsv(await picked.text());
    if (!parsed.ok) return report.error(t('nothingChanged', parsed.error));
    setFile({ name: picked.name, drafts: parsed.drafts });
    report.clear();
  };
  const add = async () => {
    if (!file) return;
    await report.attempt(async () => {
      const { added, skipped } = await send('snippets/import', { drafts: file.drafts });
      report.success(t('csvImported', added, skipped));
      setFile(null);
      await reload();
    }, (text) => t('nothingChanged', text));
  };
  return { file, canExport: Boolean(snippets?.length), exportCsv, choose, add, cancel: () => setFile(null) };
}

/** What the chosen CSV file holds: how many saved replies, and the first titles. */
export function CsvPreview({ csv }: { csv: SnippetCsv }) {
  if (!csv.file) return null;
  const { name, drafts } = csv.file;
  const titles = drafts.slice(0, PREVIEW_TITLES).map((d) => d.title).join(' · ');
  return (
    <ImportPreview
      label={t('csvPreview')}
      name={name}
      summary={`${plural(drafts.length, 'csvHoldsOne', 'csvHoldsMany')} ${titles}${drafts.length > PREVIEW_TITLES ? ' …' : ''}`}
      confirm={t('csvAdd')}
      onConfirm={() => void csv.add()}
      onCancel={csv.cancel}
    />
  );
}
