// Expressive Code turns a <pre> that overflows into a focusable role="region" at runtime, and
// back into a plain <pre> when it stops overflowing (tabindex-js-module in @expressive-code/core).
// A region needs a name, and several on a page need distinct names (axe landmark-unique), but a
// plain <pre> must not carry aria-label (ARIA prohibits naming generic elements). So the build
// stores the name in data-region-label and this mirrors it into aria-label only while the <pre>
// is a region.
function sync(pre: HTMLElement): void {
  if (pre.getAttribute('role') === 'region')
    pre.setAttribute('aria-label', pre.dataset.regionLabel ?? 'Code');
  else pre.removeAttribute('aria-label');
}

const SELECTOR = 'pre[data-region-label]';
for (const pre of document.querySelectorAll<HTMLElement>(SELECTOR)) sync(pre);
new MutationObserver((records) => {
  for (const { target } of records)
    if (target instanceof HTMLElement && target.matches(SELECTOR)) sync(target);
}).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['role'] });
