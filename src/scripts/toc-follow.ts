/**
 * Mark the ToC link of the section being read with aria-current="location": the last heading
 * above the top third of the viewport, or the last heading once the end of the page is in view.
 *
 * Intersection observers, not scroll handlers reading positions: reading a heading's position
 * forces the whole page's layout (a long task on a phone as the page loads) and makes sections
 * skipped with content-visibility render.
 */
export function followReadingPosition(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
  if (!links.length) return;
  const byId = new Map(links.map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
  const headings = [...byId.keys()]
    .map((id) => document.getElementById(id))
    .filter((h): h is HTMLElement => h !== null);
  const above = new Set<Element>();
  let atEnd = false;

  const mark = () => {
    const current = atEnd
      ? headings.at(-1)
      : (headings.findLast((h) => above.has(h)) ?? headings[0]);
    for (const a of links) a.toggleAttribute('aria-current', false);
    if (current) byId.get(current.id)?.setAttribute('aria-current', 'location');
  };

  // The root is the viewport's top third: a heading is "above" once its top is at or over the
  // line at a third of the viewport's height, whether still inside that band or scrolled past it.
  const band = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting || e.boundingClientRect.top < (e.rootBounds?.top ?? 0))
          above.add(e.target);
        else above.delete(e.target);
      }
      mark();
    },
    { rootMargin: '0px 0px -66.6% 0px' },
  );
  for (const h of headings) band.observe(h);

  // At the very bottom the last sections cannot reach the top third: the footer (the page's last
  // element) wholly in view marks the last one.
  const end = document.querySelector('.site-footer');
  if (end)
    new IntersectionObserver(
      (entries) => {
        atEnd = entries.some((e) => e.intersectionRatio >= 1);
        mark();
      },
      { threshold: 1 },
    ).observe(end);
}
