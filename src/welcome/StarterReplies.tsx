import { useState } from 'preact/hooks';
import type { MessageKey } from '../core/i18n';
import { t } from '../core/i18n';
import { SNIPPET_LIMITS, validateSnippetDraft } from '../core/snippets';
import type { SnippetDraft } from '../core/types';
import { send } from '../ui/api';
import { inputValue } from '../ui/fields';
import { StatusLine, useStatus } from '../ui/status';
import { Step } from './Step';

/** The replies offered to start from, in the user's language: a title and a text each. */
const STARTERS: { title: MessageKey; body: MessageKey }[] = [
  { title: 'welcomeStarterThanksTitle', body: 'welcomeStarterThanksBody' },
  { title: 'welcomeStarterLookingTitle', body: 'welcomeStarterLookingBody' },
];

/** Step 3: saved replies to start from, each edited and saved on its own. */
export function StarterReplies() {
  return (
    <Step id="replies" title={t('welcomeRepliesTitle')} intro={t('welcomeRepliesIntro')}>
      <ul class="starters">
        {STARTERS.map(({ title, body }, index) => (
          <StarterReply key={title} number={index + 1} title={t(title)} body={t(body)} />
        ))}
      </ul>
    </Step>
  );
}

/** One starter reply: saved as a new reply once, then its changes are saved to that same reply. */
function StarterReply({ number, title, body }: { number: number; title: string; body: string }) {
  const [draft, setDraft] = useState<SnippetDraft>({ id: null, title, body, tags: [], shortcut: '' });
  const [status, report] = useStatus();
  const edit = (field: 'title' | 'body') => (e: Event) => {
    const value = inputValue(e);
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const save = (event: Event) => {
    event.preventDefault();
    const problem = validateSnippetDraft(draft);
    if (problem) return report.error(problem);
    void report.attempt(async () => {
      const saved = await send('snippets/save', draft);
      setDraft((d) => ({ ...d, id: saved.id }));
      report.success(t('snippetSaved', saved.title));
    });
  };
  return (
    <li>
      <form class="editor" onSubmit={save} aria-label={t('welcomeStarterLabel', number)}>
        <label>
          {t('fieldTitle')}
          <input name={`starter-title-${number}`} value={draft.title} maxLength={SNIPPET_LIMITS.title} onInput={edit('title')} />
        </label>
        <label>
          {t('fieldText')}
          <textarea name={`starter-body-${number}`} value={draft.body} maxLength={SNIPPET_LIMITS.body} onInput={edit('body')} />
        </label>
        <div class="row">
          <button type="submit" class="primary">{draft.id ? t('saveChanges') : t('welcomeStarterSave')}</button>
          <StatusLine as="span" status={status} />
        </div>
      </form>
    </li>
  );
}
