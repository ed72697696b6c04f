import { useState } from 'preact/hooks';
import { SNIPPET_LIMITS, validateSnippetDraft } from '../../core/snippets';
import type { SnippetDraft } from '../../core/types';
import { t } from '../../core/i18n';
import { send } from '../../ui/api';
import { inputChecked, inputValue } from '../../ui/fields';
import type { Reporter } from '../../ui/status';

const EMPTY: SnippetDraft = { id: null, title: '', body: '', tags: [], shortcut: '' };

/** The saved reply being written or edited; its tags are kept as typed until it is saved. */
export interface SnippetEditor {
  draft: SnippetDraft;
  tagText: string;
  setDraft: (update: (draft: SnippetDraft) => SnippetDraft) => void;
  setTagText: (text: string) => void;
  /** Loads a saved reply (or a copy) into the form, and moves there. */
  startEditing: (draft: SnippetDraft) => void;
  reset: () => void;
}

export function useSnippetEditor(): SnippetEditor {
  const [draft, setDraft] = useState<SnippetDraft>(EMPTY);
  const [tagText, setTagText] = useState('');
  return {
    draft,
    tagText,
    setDraft,
    setTagText,
    startEditing: (next) => {
      setDraft(next);
      setTagText(next.tags.join(', '));
      document.getElementById('snippet-title')?.focus();
    },
    reset: () => {
      setDraft(EMPTY);
      setTagText('');
    },
  };
}

interface SnippetFormProps {
  editor: SnippetEditor;
  report: Reporter;
  /** Lists the saved replies again once one is saved. */
  reload: () => Promise<void>;
  /** In a team: a new reply may go to the team's library. */
  inTeam: boolean;
}

/** Where the reply goes: the team's library (a new one, in a team), or a note that a team reply is edited. */
interface TeamChoiceProps {
  draft: SnippetDraft;
  inTeam: boolean;
  onToTeam: (on: boolean) => void;
}

function TeamChoice({ draft, inTeam, onToTeam }: TeamChoiceProps) {
  if (draft.id) return draft.id.startsWith('reply:') ? <p class="muted">{t('teamReplyEditing')}</p> : null;
  if (!inTeam) return null;
  return (
    <label class="check">
      <input type="checkbox" name="toTeam" checked={!!draft.toTeam} onChange={(e) => onToTeam(inputChecked(e))} />
      {t('teamReplyToTeam')}
    </label>
  );
}

/** The form that adds a saved reply, or changes the one being edited. */
export function SnippetForm({ editor, report, reload, inTeam }: SnippetFormProps) {
  const { draft, tagText, setDraft, setTagText, reset } = editor;
  const save = (event: Event) => {
    event.preventDefault();
    const tags = tagText.split(',').map((tag) => tag.trim()).filter(Boolean);
    const next = { ...draft, tags };
    const problem = validateSnippetDraft(next);
    if (problem) return report.error(problem);
    void report.attempt(async () => {
      const saved = await send('snippets/save', next);
      report.success(t('snippetSaved', saved.title));
      reset();
      await reload();
    });
  };
  /** Keeps what is typed in one of the draft's text fields. */
  const edit = (field: 'title' | 'body' | 'shortcut') => (e: Event) => {
    const value = inputValue(e);
    setDraft((d) => ({ ...d, [field]: value }));
  };
  return (
    <form class="editor" onSubmit={save} aria-label={draft.id ? t('editSnippet') : t('newSnippet')}>
      <label>
        {t('fieldTitle')}
        <input id="snippet-title" name="title" value={draft.title} maxLength={SNIPPET_LIMITS.title} onInput={edit('title')} />
      </label>
      <label>
        {t('fieldText')}
        <textarea name="body" value={draft.body} maxLength={SNIPPET_LIMITS.body} onInput={edit('body')} />
      </label>
      <div class="row">
        <label>
          {t('fieldTags')}
          <input name="tags" value={tagText} onInput={(e) => setTagText(inputValue(e))} />
        </label>
        <label>
          {t('fieldShortcut')}
          <input name="shortcut" value={draft.shortcut} maxLength={SNIPPET_LIMITS.shortcut} onInput={edit('shortcut')} />
        </label>
      </div>
      <TeamChoice draft={draft} inTeam={inTeam} onToTeam={(toTeam) => setDraft((d) => ({ ...d, toTeam }))} />
      <div class="row">
        <button type="submit" class="primary">
          {draft.id ? t('saveChanges') : t('addSnippet')}
        </button>
        {(draft.id || draft.title || draft.body) && (
          <button type="button" onClick={reset}>
            {draft.id ? t('cancelEditing') : t('clearForm')}
          </button>
        )}
      </div>
    </form>
  );
}
