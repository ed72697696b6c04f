import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SnippetOrder } from '../../core/snippets';
import type { ListedSnippet } from '../../core/types';
import { t } from '../../core/i18n';
import { send } from '../../ui/api';
import { StatusLine, useStatus } from '../../ui/status';
import { Section } from '../Section';
import { useTeamJoined } from '../useTeamJoined';
import { CsvPreview, useSnippetCsv } from './SnippetCsv';
import { SnippetForm, useSnippetEditor } from './SnippetForm';
import { SnippetList } from './SnippetList';
import { SnippetToolbar } from './SnippetToolbar';

/** The variables a saved reply may hold, filled in where it is inserted. */
const VARIABLES = ['{name}', '{first_name}', '{handle}', '{site}', '{my_name}', '{date}', '{cursor}', '{input:…}'];

/** The saved replies: written and edited in the form, found, sorted and listed, out and in as CSV. */
export function SnippetManager() {
  const [snippets, setSnippets] = useState<ListedSnippet[] | null>(null);
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SnippetOrder>('uses');
  const [status, report] = useStatus();
  const editor = useSnippetEditor();
  const inTeam = useTeamJoined();
  const reload = useCallback(() => report.attempt(async () => setSnippets(await send('snippets/list', {}))), [report]);
  useEffect(() => void reload(), [reload]);
  const csv = useSnippetCsv(snippets, reload, report);
  const intro = (
    <>
      {t('variablesIntro')}
      {' '}
      {VARIABLES.map((v) => <code key={v}>{v}</code>)}
    </>
  );
  return (
    <Section id="snippets" title={t('savedReplies')} intro={intro}>
      <SnippetForm editor={editor} report={report} reload={reload} inTeam={inTeam} />
      <SnippetToolbar query={query} onQuery={setQuery} order={order} onOrder={setOrder} csv={csv} />
      <CsvPreview csv={csv} />
      <StatusLine status={status} testId="snippet-status" />
      <SnippetList
        snippets={snippets}
        query={query}
        order={order}
        onTag={setQuery}
        editor={editor}
        report={report}
        reload={reload}
        inTeam={inTeam}
      />
    </Section>
  );
}
