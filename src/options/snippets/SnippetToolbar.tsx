import type { SnippetOrder } from '../../core/snippets';
import { t } from '../../core/i18n';
import { SearchField, Select } from '../../ui/fields';
import { FileField } from '../../ui/files';
import type { SnippetCsv } from './SnippetCsv';

interface SnippetToolbarProps {
  query: string;
  onQuery: (query: string) => void;
  order: SnippetOrder;
  onOrder: (order: SnippetOrder) => void;
  csv: SnippetCsv;
}

/** Finding and sorting the saved replies, and taking them out or in as CSV. */
export function SnippetToolbar({ query, onQuery, order, onOrder, csv }: SnippetToolbarProps) {
  const orders: [SnippetOrder, string][] = [
    ['uses', t('orderMostUsed')],
    ['recent', t('orderRecentlyUsed')],
    ['title', t('orderTitle')],
    ['newest', t('orderNewest')],
  ];
  return (
    <div class="row toolbar">
      <SearchField class="grow" name="snippet-search" label={t('searchSnippets')} value={query} onInput={onQuery} />
      <Select name="snippet-order" label={t('sortBy')} value={order} options={orders} onChange={onOrder} />
      <button type="button" onClick={csv.exportCsv} disabled={!csv.canExport}>
        {t('csvExport')}
      </button>
      <FileField label={t('csvImport')} name="import-csv" accept=".csv,text/csv" onChange={csv.choose} />
    </div>
  );
}
