import type { ComponentChildren } from 'preact';

interface NamedButtonProps {
  /** The accessible name: the action and what it acts on ("Edit Opening hours"); the text says the action. */
  label: string;
  class?: string;
  disabled?: boolean;
  onClick: () => void;
  children: ComponentChildren;
}

/** A button in a row of them, one row per thing: its name says which thing it acts on. */
export function NamedButton({ label, class: cls, disabled, onClick, children }: NamedButtonProps) {
  return (
    <button type="button" class={cls} disabled={disabled} onClick={onClick} aria-label={label}>
      {children}
    </button>
  );
}
