// The map before it hydrates is React Flow's server render, fitted to this fixed box; the island
// refits to the real canvas once hydrated, and src/components/map/map.css scales the server
// render to the canvas until then (with the same numbers: tests/unit/graph/map-fit.test.ts).

/** Size React Flow renders the map at on the server. */
export const MAP_SSR_SIZE = { width: 1280, height: 660 } as const;

/** Room kept clear around the fitted map, in CSS pixels, per side. */
export interface FitPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Viewports this narrow get the portrait drawing (src/lib/graph/phone-layout.ts); map.css uses the
 * same width. Phones and portrait tablets: fitted to a 600-899 px screen, the desktop drawing put
 * names at 6-7 px (a 768 px tablet showed them at 6 px).
 */
export const PHONE_QUERY = '(max-width: 899px)';

/** Desktop: the zoom buttons sit in the left margin, so they never cover a component at the fitted view. */
export const FIT_PADDING: FitPadding = { top: 16, right: 16, bottom: 16, left: 56 };

/**
 * Phone: every pixel of width goes to the map (it is what sets the zoom); the zoom buttons sit in
 * a band above it, a 44 px row with 8 px around it.
 */
export const PHONE_FIT_PADDING: FitPadding = { top: 60, right: 6, bottom: 6, left: 6 };

/** The padding in the form React Flow's fitView takes. */
export function toFitViewPadding(p: FitPadding) {
  const px = (n: number) => `${n}px` as const;
  return { top: px(p.top), right: px(p.right), bottom: px(p.bottom), left: px(p.left) };
}

/** Zoom at which a drawing of `bounds` fits a canvas of `size` with `padding` clear around it. */
export function fitZoom(
  bounds: { width: number; height: number },
  size: { width: number; height: number },
  padding: FitPadding,
): number {
  return Math.min(
    (size.width - padding.left - padding.right) / bounds.width,
    (size.height - padding.top - padding.bottom) / bounds.height,
  );
}
