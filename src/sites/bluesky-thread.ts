/**
 * How the posts of a Bluesky thread page answer each other, as the page draws it. The list is the
 * parents, the anchor (the page's post), then the replies depth-first. The web app draws nesting
 * without ids: in the linear view each reply starts with a parent reply line row, which draws the
 * line only when the post answers the one right above it; in the tree view each reply is indented
 * by one spacer per level beyond the first. Nothing else is read: no wording, no classes.
 */

/** How one reply is drawn: joined to the post above, at a depth, or in no shape known. */
export type Shape = { line: boolean } | { depth: number } | null;

/** An element with nothing to read in it (no text, link, image or button): a line or a spacer. */
function drawnOnly(el: Element): boolean {
  return !el.textContent?.trim() && !el.querySelector('a, img, svg, button, [role="button"], [dir]');
}

/**
 * The shape of reply `item` (the element with its test id). The linear view's first child is the
 * parent reply line row: a row holding the avatar-wide column, with the line in it or not. Else
 * the tree view: the spacers standing before the item's wrapper are its indent.
 */
export function shapeOf(item: Element): Shape {
  const first = item.firstElementChild;
  if (first && drawnOnly(first)) return { line: !!first.firstElementChild?.firstElementChild };
  const wrapper = item.parentElement;
  if (!wrapper) return null;
  let spacers = 0;
  let before = wrapper.previousElementSibling;
  while (before && drawnOnly(before)) {
    spacers += 1;
    before = before.previousElementSibling;
  }
  // A tree reply always sits in its row wrapper; with no row around it, the shape is unknown.
  return wrapper.parentElement?.children.length === spacers + 1 ? { depth: spacers + 1 } : null;
}

export interface Relations {
  /** Each post's parent's place; -1 for the first post or one not placed. */
  parent: number[];
  /** Replies placed by position alone (their shape could not be read). */
  guessed: boolean[];
}

/**
 * Who answers whom: above the anchor, each post answers the one before it; below it, a reply
 * joined by a line answers the post right above, an indented one the nearest post one level up,
 * and the rest the anchor. One pass, keeping the latest post at each depth.
 */
export function relatePosts(shapes: readonly Shape[], anchor: number): Relations {
  const parent = shapes.map((_, i) => (i > 0 && i <= anchor ? i - 1 : -1));
  const guessed = shapes.map(() => false);
  if (anchor < 0) return { parent, guessed };
  const atDepth: number[] = [anchor];
  for (let i = anchor + 1; i < shapes.length; i++) {
    const shape = shapes[i];
    if (shape && 'depth' in shape) {
      atDepth.length = Math.min(atDepth.length, shape.depth);
      parent[i] = atDepth[shape.depth - 1] ?? anchor;
      atDepth[shape.depth] = i;
    }
    else {
      parent[i] = shape?.line ? i - 1 : anchor;
      guessed[i] = shape === null;
    }
  }
  return { parent, guessed };
}
