/** The iframe snippet for an embed: the app's address, display options in the query, the scene in the hash. */
import { formatDisplayOptions, type DisplayOptions } from '../../core/link/display';

export interface EmbedChoice extends Omit<DisplayOptions, 'embed'> {
  readonly width: number;
  readonly height: number;
}

export function embedUrl(base: string, linkBody: string, choice: Omit<DisplayOptions, 'embed'>): string {
  return `${base}${formatDisplayOptions({ ...choice, embed: true })}#${linkBody}`;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedSnippet(base: string, linkBody: string, choice: EmbedChoice, title: string): string {
  const src = embedUrl(base, linkBody, choice);
  // data-autoplay: reveal.js posts 'slide:start' / 'slide:stop' to iframes on a slide; the embed plays on start.
  return `<iframe src="${escapeAttribute(src)}" width="${choice.width}" height="${choice.height}" title="${escapeAttribute(title)}" style="border:0" loading="lazy"${choice.autoplay ? ' data-autoplay' : ''}></iframe>`;
}
