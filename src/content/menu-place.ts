/**
 * Where a badge's menu goes in the viewport (the menu is in the top layer, fixed to the viewport):
 * under the badge, or above it when only there it fits, aligned with the badge's start edge, and
 * never past the viewport's sides. Pure: the badge measures, this decides.
 */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Space between the badge and its menu. */
export const MENU_GAP = 4;
/** The least space kept between the menu and the viewport's edges. */
export const VIEWPORT_MARGIN = 8;

export function placeMenu(anchor: Rect, menu: Size, viewport: Size, rtl: boolean): { top: number; left: number } {
  const below = anchor.bottom + MENU_GAP;
  const above = anchor.top - MENU_GAP - menu.height;
  const roomBelow = viewport.height - VIEWPORT_MARGIN - below;
  const roomAbove = anchor.top - MENU_GAP - VIEWPORT_MARGIN;
  // Below when it fits there, or when neither side holds it and below has more room.
  const fitsBelow = menu.height <= roomBelow;
  const fitsAbove = menu.height <= roomAbove;
  const top = fitsBelow || (!fitsAbove && roomBelow >= roomAbove) ? below : Math.max(VIEWPORT_MARGIN, above);
  const start = rtl ? anchor.right - menu.width : anchor.left;
  const maxLeft = viewport.width - VIEWPORT_MARGIN - menu.width;
  const left = Math.max(VIEWPORT_MARGIN, Math.min(start, maxLeft));
  return { top, left };
}
