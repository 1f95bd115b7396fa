/**
 * What the admin can read on the page: every text node on its own line, and every aria-label.
 * Node by node, since textContent would run "Stytch" and "Done" together into one word.
 */
export function visibleText(): string {
  const labels = [...document.querySelectorAll('[aria-label]')].map(
    (element) => element.getAttribute('aria-label') ?? '',
  );
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
    texts.push(node.textContent ?? '');
  return [...texts, ...labels].join('\n');
}
