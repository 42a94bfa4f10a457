import { imageIdentity, safeImageSrc } from './urls';

export type HeadImageDecision =
  /** Show it above the body. */
  | 'show'
  /** No usable head image (absent, or not an http(s) image URL). */
  | 'none'
  /** The body already shows the same image as part of the story. */
  | 'in-body'
  /** The image appears in the body only inside an advert block (e.g. a QR-code footer). */
  | 'advert';

// Class names of publisher advert/promotion blocks: Sina's "appendQr_wrap", "qrcode", "ad-box",
// "advert", "promo", "sponsor". Matched per class token.
const ADVERT_CLASS = /qr|advert|sponsor|promo|^ads?(?:[-_]|$)|[-_]ads?(?:[-_]|$)/i;

function insideAdvert(el: Element, stop: ParentNode): boolean {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    for (const token of node.classList) if (ADVERT_CLASS.test(token)) return true;
  }
  return false;
}

/**
 * Rule: the front matter's head image (`headimg`) is shown above the body only when the body does
 * not contain the same image (compared by host + path + query, ignoring scheme). If the body does
 * contain it, it is either already part of the story ('in-body': showing it again would duplicate
 * it), or every occurrence sits inside an advert block ('advert': the archiver picked the trailing
 * QR-code promotion as the head image, as in seed 001). Either way it is not shown on top.
 */
export function decideHeadImage(head: string | undefined, body: ParentNode): HeadImageDecision {
  if (!head || safeImageSrc(head) === null) return 'none';
  const wanted = imageIdentity(head);
  const matches = [...body.querySelectorAll('img[src]')].filter(
    (img) => imageIdentity(img.getAttribute('src')!) === wanted,
  );
  if (matches.length === 0) return 'show';
  return matches.every((img) => insideAdvert(img, body)) ? 'advert' : 'in-body';
}
