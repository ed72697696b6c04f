/**
 * Sites that show a conversation as one flat column with no parent ids in the DOM (Bluesky, Threads):
 * above the focused post (the page's own), each post answers the one before it; below it, replies
 * answer the focused post. Whoever writes further down the column replied after this one.
 * `authors` are the column's items in document order (an adapter's per-scan index, see indexItems),
 * never read from siblings, so wrappers around items change no relation.
 */
export function linearThread(
  authors: readonly (string | null)[],
  focused: number,
  at: number,
): { parentAuthor: string | null; parentIsPost: boolean; repliedBy: string[] } | null {
  if (at < 0 || focused < 0 || at >= authors.length) return null;
  const parentIndex = at <= focused ? at - 1 : focused;
  return {
    parentAuthor: parentIndex >= 0 ? (authors[parentIndex] ?? null) : null,
    parentIsPost: parentIndex === 0,
    repliedBy: authors.slice(at + 1).filter((a): a is string => a !== null),
  };
}
