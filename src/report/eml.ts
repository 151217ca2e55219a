// A report as a draft email (.eml): multipart/alternative with a plain-text
// version (plain-text.ts: no Markdown syntax) and the HTML version, marked `X-Unsent: 1` so Outlook and
// Thunderbird open it as a new draft. CRLF line ends throughout, as RFC 5322
// wants (nodemailer writes its headers with CRLF, but leaves the line ends
// of the parts as given). Imported only for --formaat eml.
import MailComposer from 'nodemailer/lib/mail-composer';
import { htmlDocument } from './html.js';
import { markdownToPlainText, type PlainTextOptions } from './plain-text.js';
import { visibleControls } from '../support/control.js';

export interface EmlInput extends PlainTextOptions {
  markdown: string;
  title: string;
  subject: string;
  /** Recipients, already checked; none: the user fills in "Aan" in the draft. */
  to?: string[] | undefined;
}

export async function buildEml({ markdown, title, subject, to, sideBySide }: EmlInput): Promise<string> {
  return composeEml({ text: markdownToPlainText(markdown, { sideBySide }), html: htmlDocument(markdown, title), subject, to });
}

/** The message itself, by nodemailer (also timed on its own by scripts/bench-floor.mjs). */
export async function composeEml({ text, html, subject, to }: { text: string; html: string; subject: string; to?: string[] | undefined }): Promise<string> {
  const composer = new MailComposer({
    ...(to?.length ? { to } : {}),
    // The subject comes from answers (the library's name): no control characters in a header.
    subject: visibleControls(subject).replace(/\s+/g, ' '),
    text,
    html,
    headers: { 'X-Unsent': '1' },
    textEncoding: 'quoted-printable',
    newline: 'windows',
  });
  const message = await composer.compile().build();
  // The message is 7-bit (quoted-printable / encoded words), so this is lossless.
  return message.toString('utf8');
}
