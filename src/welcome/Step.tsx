import type { ComponentChildren } from 'preact';

interface StepProps {
  /** Names the heading `<id>-title`, which labels the step, and its intro `<id>-intro`. */
  id: string;
  title: string;
  intro: ComponentChildren;
  children: ComponentChildren;
}

/**
 * One step of the welcome page. Its heading takes the focus when the step appears (tabindex -1:
 * reachable by script, not by Tab), so keyboard and screen reader users continue from there.
 */
export function Step({ id, title, intro, children }: StepProps) {
  return (
    <section class="step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>{title}</h2>
      <p id={`${id}-intro`} class="muted">{intro}</p>
      {children}
    </section>
  );
}
