/** Escaping for the markup the renderer writes: every user string passes through here. */

/**
 * Characters XML 1.0 forbids in a document (C0 controls but tab and newlines, lone surrogates, U+FFFE/F):
 * a title holding one would make the SVG unreadable, so it becomes U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or attribute content escaped for XML and HTML (`&`, `<`, `>`, both quotes). */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (char) => ENTITY[char] ?? char);
}

const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * JSON for a `<script type="application/json">` element: nothing in it can end the element or open a
 * comment (`<` `>` `&` escaped), and the line separators that old parsers choke on are escaped too.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
