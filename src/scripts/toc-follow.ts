/** Mark the ToC link of the section being read with aria-current="location". */
export function followReadingPosition(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
  if (!links.length) return;
  const byId = new Map(links.map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
  const headings = [...byId.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
  let queued = false;

  const mark = () => {
    queued = false;
    // The current section is the last heading above the top third of the viewport.
    const limit = window.innerHeight / 3;
    let current = headings[0];
    for (const h of headings) if (h.getBoundingClientRect().top <= limit) current = h;
    // At the very bottom the last sections cannot reach the top third: mark the last one.
    if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) current = headings.at(-1);
    for (const a of links) a.toggleAttribute('aria-current', false);
    if (current) byId.get(current.id)?.setAttribute('aria-current', 'location');
  };
  addEventListener(
    'scroll',
    () => {
      if (!queued) (queued = true), requestAnimationFrame(mark);
    },
    { passive: true },
  );
  mark();
}
