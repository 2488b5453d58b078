import { RefObject, useEffect } from 'react';

/**
 * Keeps the document title on "<the page's h1> — <site>" (RGAA 8.6: each page has a relevant
 * title; screen readers announce it first and it names the tab). The h1 is the page's own name,
 * also when it changes with the data (a site's name) or after a client-side navigation.
 */
export function usePageTitle(container: RefObject<HTMLElement | null>, site: string): void {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const apply = () => {
      const heading = root.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
      const title = heading ? `${heading} — ${site}` : site;
      if (document.title !== title) document.title = title;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [container, site]);
}
