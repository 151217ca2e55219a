// Markdown report -> a self-contained HTML document that reads well in a
// browser and in email clients: marked, then sanitize-html with an
// allow-list, then inline styles (email clients drop <style>). Imported
// only for --formaat html/eml, so the Markdown path stays fast.
import { visibleControls } from '../support/control.js';
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const FONT = 'Arial, Helvetica, sans-serif';

/** Inline styles per element. Kept small: readable without CSS support too. */
export const INLINE_STYLES: Readonly<Record<string, string>> = {
  h1: `font-family: ${FONT}; font-size: 24px; line-height: 1.25; margin: 0 0 12px; color: #1a1a1a;`,
  h2: `font-family: ${FONT}; font-size: 20px; line-height: 1.3; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #d0d0d0; color: #1a1a1a;`,
  h3: `font-family: ${FONT}; font-size: 17px; line-height: 1.3; margin: 22px 0 8px; color: #1a1a1a;`,
  h4: `font-family: ${FONT}; font-size: 15px; line-height: 1.3; margin: 18px 0 6px; color: #1a1a1a;`,
  h5: `font-family: ${FONT}; font-size: 15px; margin: 16px 0 6px;`,
  h6: `font-family: ${FONT}; font-size: 15px; margin: 16px 0 6px;`,
  p: 'margin: 0 0 12px;',
  ul: 'margin: 0 0 12px; padding-left: 24px;',
  ol: 'margin: 0 0 12px; padding-left: 24px;',
  li: 'margin: 0 0 4px;',
  blockquote: 'margin: 0 0 12px; padding: 8px 12px; border-left: 4px solid #c98a00; background: #fff8e5; color: #1a1a1a;',
  // A wide table (the adviser's overview: a dozen columns) stays inside the 800 px column: its cells wrap, long words too.
  table: 'border-collapse: collapse; margin: 0 0 16px; font-size: 14px; max-width: 100%;',
  th: 'border: 1px solid #b8b8b8; padding: 6px 8px; text-align: left; vertical-align: top; background: #f0f0f0; overflow-wrap: anywhere; word-break: break-word;',
  td: 'border: 1px solid #b8b8b8; padding: 6px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: break-word;',
  hr: 'border: 0; border-top: 1px solid #d0d0d0; margin: 24px 0;',
  a: 'color: #0b57a4;',
  code: 'font-family: Consolas, Menlo, monospace; font-size: 90%; background: #f0f0f0; padding: 0 3px;',
};

const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'strong',
  'em',
  'del',
  'code',
  'a',
];

/** Sanitise HTML to the allow-list and add the inline styles. */
export function sanitizeReportHtml(html: string): string {
  const styled = Object.fromEntries(
    Object.entries(INLINE_STYLES).map(([tag, style]) => [
      tag,
      (tagName: string, attribs: sanitizeHtml.Attributes) => ({ tagName, attribs: { ...attribs, style } }),
    ]),
  );
  const allowedAttributes: Record<string, string[]> = Object.fromEntries(ALLOWED_TAGS.map((t) => [t, ['style']]));
  allowedAttributes.a = ['href', 'style'];
  allowedAttributes.ol = ['start', 'style'];
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: styled,
  });
}

/**
 * Markdown -> sanitised, styled HTML fragment. GFM (tables, strikethrough),
 * but without its extended autolinks: a URL or e-mail address typed in an
 * answer stays text, as typed (a link is an element the user did not ask
 * for; the mail program may still offer it as a link, as it does with any
 * text). Links written as links in a template ("[tekst](https://…)",
 * "<https://…>") stay links.
 */
export function markdownToHtml(markdown: string): string {
  return sanitizeReportHtml(markedHtml(markdown));
}

/** marked's HTML, before sanitising (also timed on its own by scripts/bench-floor.mjs). */
export function markedHtml(markdown: string): string {
  // breaks: a single line break (the template's, between a question and its short answer) stays a line break.
  const marked = new Marked({ gfm: true, breaks: true, async: false });
  marked.use({ tokenizer: { url: () => undefined } });
  return marked.parse(markdown) as string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A full HTML document (lang="nl", utf-8, inline styles only). */
export function htmlDocument(markdown: string, title: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(visibleControls(title))}</title>`,
    '</head>',
    `<body style="margin: 0; padding: 16px; background: #ffffff; color: #1a1a1a; font-family: ${FONT}; font-size: 15px; line-height: 1.5;">`,
    '<div style="max-width: 800px; margin: 0 auto;">',
    markdownToHtml(markdown).trim(),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
