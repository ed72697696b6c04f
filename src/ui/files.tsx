/** Files the user brings to a page: the field that picks one, and the preview before it is imported. */
import type { ComponentChildren } from 'preact';
import { t } from '../core/i18n';

/** The file the field an event came from holds now, and the field (to be emptied for the next pick). */
export function pickedFile(event: Event): { input: HTMLInputElement; file: File | undefined } {
  const input = event.currentTarget as HTMLInputElement;
  return { input, file: input.files?.[0] };
}

/** A file field drawn as a button, its label the button's text. */
export function FileField(props: { label: string; name: string; accept: string; onChange: (e: Event) => unknown }) {
  return (
    <label class="file">
      {props.label}
      <input type="file" name={props.name} accept={props.accept} onChange={(e) => void props.onChange(e)} />
    </label>
  );
}

interface ImportPreviewProps {
  /** The group's accessible name. */
  label: string;
  name: string;
  /** What the file holds, after its name. */
  summary: ComponentChildren;
  /** The confirming button's text. */
  confirm: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Said between the summary and the buttons. */
  children?: ComponentChildren;
}

/** What a chosen file holds, with a button to import it and one to leave it. */
export function ImportPreview(props: ImportPreviewProps) {
  return (
    <div class="preview" role="group" aria-label={props.label}>
      <p>
        <strong>{props.name}</strong>
        {': '}
        {props.summary}
      </p>
      {props.children}
      <div class="row">
        <button type="button" class="primary" disabled={props.busy} onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
