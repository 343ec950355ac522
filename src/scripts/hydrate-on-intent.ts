// Astro client directive `client:intent`: hydrate an island on the first sign that the reader is
// about to use it (pointer over it, a touch, focus or a key inside it, or a history step another
// script announces with popstate), or at once when the URL carries one of the query parameters
// given as the directive's value (a shared link that must restore its view).
//
// Until then the island is its server-rendered HTML, which must work on its own (the map's
// components are links to their chapters). A reader who only reads pays no hydration.
//
// A click that lands while the island loads is held, then replayed once the island marks itself
// ready with a `data-hydrated` element: on the same element when hydration kept it, or on its
// twin (same `data-intent-target`) when the island swapped it, e.g. a link that became a button.
// Focus moves to the twin the same way.
import type { ClientDirective } from 'astro';
import { intentTargetSelector, shouldHydrateAtOnce } from '../lib/site/hydrate-intent.ts';

const INTENT_EVENTS = [
  'pointerover',
  'pointerdown',
  'touchstart',
  'focusin',
  'keydown',
  'wheel',
] as const;
/** Give up waiting for the island's ready mark after this long; held clicks are then dropped. */
const READY_TIMEOUT_MS = 10_000;

/** Resolves when `el` contains an element marked data-hydrated (or after the timeout). */
function whenReady(el: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => el.querySelector('[data-hydrated]') && done());
    const timer = setTimeout(done, READY_TIMEOUT_MS);
    observer.observe(el, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-hydrated'],
    });
    if (el.querySelector('[data-hydrated]')) done();
  });
}

/** The element now standing for `node`: itself if still in the page, else its twin. */
function current(el: HTMLElement, node: HTMLElement | undefined): HTMLElement | null {
  if (!node) return null;
  if (node.isConnected) return node;
  const key = node.dataset['intentTarget'];
  return key ? el.querySelector<HTMLElement>(intentTargetSelector(key)) : null;
}

const hydrateOnIntent: ClientDirective = (load, options, el) => {
  let started = false;
  let held: HTMLElement | undefined;
  let focused: HTMLElement | undefined;
  const hold = (e: Event) => {
    const target =
      e.target instanceof Element ? e.target.closest<HTMLElement>('a[href], button') : null;
    if (!target) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    held = target;
  };
  const track = (e: Event) => {
    if (e.target instanceof HTMLElement) focused = e.target;
  };

  const start = async (e?: Event) => {
    if (started) return;
    started = true;
    for (const type of INTENT_EVENTS) el.removeEventListener(type, onIntent, true);
    removeEventListener('popstate', onIntent);
    if (e?.type === 'focusin') track(e);
    el.addEventListener('click', hold, true);
    el.addEventListener('focusin', track, true);
    const hydrate = await load();
    await hydrate();
    await whenReady(el);
    el.removeEventListener('click', hold, true);
    el.removeEventListener('focusin', track, true);
    // Focus that was on an element the island replaced goes to its replacement.
    if (
      focused &&
      !focused.isConnected &&
      (document.activeElement === document.body || document.activeElement === null)
    )
      current(el, focused)?.focus();
    current(el, held)?.click();
  };
  // A failed load stays an unhandled rejection, reported by the browser as Astro's own directives do.
  const onIntent = (e: Event) => void start(e);

  if (shouldHydrateAtOnce(location.search, options.value)) {
    void start();
    return;
  }
  for (const type of INTENT_EVENTS)
    el.addEventListener(type, onIntent, { capture: true, passive: type !== 'keydown' });
  addEventListener('popstate', onIntent);
};

export default hydrateOnIntent;
