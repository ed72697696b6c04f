import type { ComponentChildren } from 'preact';

interface SectionProps {
  /** Names the heading `<id>-title`, which labels the section. */
  id: string;
  title: string;
  /** The muted line under the heading: what the section is for. */
  intro: ComponentChildren;
  children: ComponentChildren;
}

/** One section of the options page: its heading, what it is for, then its parts. */
export function Section({ id, title, intro, children }: SectionProps) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p class="muted">{intro}</p>
      {children}
    </section>
  );
}
