/** How editor features read the quotes of a scalar's text, so that fixes, rename and completion agree on them. */
import { isQuoted } from '../../core/fixAll';

/** Whether the text is a scalar in matching quotes; the core's test, shared with `check --fix`. */
export { isQuoted };

/** A quoted scalar's text without its quotes; any other text as it is. */
export function unquote(text: string): string {
  return isQuoted(text) ? text.slice(1, -1) : text;
}

/** Like `unquote`, and also without the opening quote of a scalar whose closing one is not typed yet. */
export function unquoteTyping(text: string): string {
  return isQuoted(text) ? text.slice(1, -1) : text.replace(/^["']/, '');
}
