/** How editor features read the quotes of a scalar's text, so that fixes, rename and completion agree on them. */

/** Whether the text is a scalar in matching quotes (`"…"` or `'…'`). */
export function isQuoted(text: string): boolean {
  return text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0];
}

/** A quoted scalar's text without its quotes; any other text as it is. */
export function unquote(text: string): string {
  return isQuoted(text) ? text.slice(1, -1) : text;
}

/** Like `unquote`, and also without the opening quote of a scalar whose closing one is not typed yet. */
export function unquoteTyping(text: string): string {
  return isQuoted(text) ? text.slice(1, -1) : text.replace(/^["']/, '');
}
