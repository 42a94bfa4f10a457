// Brings an element of the article into view by scrolling only the pane that scrolls it.
// `Element.scrollIntoView` scrolls every ancestor that can scroll, and the window's own frame (body,
// #root, overflow hidden but still scrollable by script) is one: stepping to a match or following an
// in-page anchor would slide the whole window up and cut its top bar off.

/** The nearest ancestor (across shadow roots) that scrolls vertically, or null. */
export function scrollingAncestor(element: Element): HTMLElement | null {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof ShadowRoot) {
      node = node.host;
      continue;
    }
    if (node instanceof HTMLElement) {
      const overflowY = node.ownerDocument.defaultView?.getComputedStyle(node).overflowY ?? '';
      if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight)
        return node;
    }
    node = node.parentNode;
  }
  return null;
}

/** Scrolls `element`'s pane so the element stands at its top or in its middle; nothing else moves. */
export function scrollWithin(element: Element, block: 'start' | 'center'): void {
  const pane = scrollingAncestor(element);
  if (!pane) return;
  const paneBox = pane.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  const offset = box.top - paneBox.top;
  pane.scrollTop += block === 'start' ? offset : offset - (pane.clientHeight - box.height) / 2;
}
