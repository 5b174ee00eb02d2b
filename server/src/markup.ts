/**
 * Markdown for clients that cannot render it: hovers and completion documentation are written as
 * markdown, and a client whose `hover.contentFormat` or `completionItem.documentationFormat` leaves
 * markdown out (Emacs eglot without markdown-mode, some terminal clients) gets the same text as plain
 * text, without the `**`, backticks and escapes it would otherwise show raw.
 */
import { MarkupKind, type ClientCapabilities, type CompletionItem, type Hover, type MarkupContent } from 'vscode-languageserver';

/** Which of the server's markdown answers a client renders as markdown. */
export interface MarkdownSupport {
  readonly hover: boolean;
  readonly completion: boolean;
}

/**
 * What the client says it renders. A client that names no formats renders markdown (the server's
 * long-standing default, and what VS Code, Neovim and Helix do); one that names formats without markdown does not.
 */
export function markdownSupport(capabilities: ClientCapabilities): MarkdownSupport {
  const rendersMarkdown = (formats: readonly string[] | undefined) => formats === undefined || formats.length === 0 || formats.includes(MarkupKind.Markdown);
  return {
    hover: rendersMarkdown(capabilities.textDocument?.hover?.contentFormat),
    completion: rendersMarkdown(capabilities.textDocument?.completion?.completionItem?.documentationFormat),
  };
}

/** The hover as plain text where the client does not render markdown. */
export function hoverFor(support: MarkdownSupport, hover: Hover | null): Hover | null {
  if (support.hover || !hover || !isMarkdown(hover.contents)) return hover;
  return { ...hover, contents: { kind: MarkupKind.PlainText, value: plainText(hover.contents.value) } };
}

/** The completion items with plain-text documentation where the client does not render markdown. */
export function completionsFor(support: MarkdownSupport, items: CompletionItem[]): CompletionItem[] {
  if (support.completion) return items;
  return items.map((item) =>
    isMarkdown(item.documentation) ? { ...item, documentation: { kind: MarkupKind.PlainText, value: plainText(item.documentation.value) } } : item,
  );
}

function isMarkdown(value: unknown): value is MarkupContent {
  return typeof value === 'object' && value !== null && (value as MarkupContent).kind === MarkupKind.Markdown;
}

/**
 * One token of the markdown the server writes: a backslash escape, inline code, bold, a link, or a
 * heading's hashes at the start of a line.
 */
const TOKEN = /\\([\\`*_{}[\]()<>#+\-.!|])|`([^`]*)`|\*\*|\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)|^#{1,6} /gm;

/** Markdown as the text a person reads: markup gone, escapes resolved, link targets in parentheses. */
export function plainText(markdown: string): string {
  return markdown.replace(TOKEN, (_match, escaped?: string, code?: string, linkText?: string, href?: string) => {
    if (escaped !== undefined) return escaped;
    if (code !== undefined) return code;
    if (linkText !== undefined) return `${plainText(linkText)} (${href})`;
    return '';
  });
}
