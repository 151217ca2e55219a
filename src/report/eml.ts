// A report as a draft email (.eml): multipart/alternative with the Markdown
// as text and the HTML version, marked `X-Unsent: 1` so Outlook and
// Thunderbird open it as a new draft. CRLF line ends throughout, as RFC 5322
// wants (nodemailer writes its headers with CRLF, but leaves the line ends
// of the parts as given). Imported only for --formaat eml.
import MailComposer from 'nodemailer/lib/mail-composer';
import { htmlDocument } from './html.js';
import { visibleControls } from '../support/control.js';

export interface EmlInput {
  markdown: string;
  title: string;
  subject: string;
  /** Recipients, already checked; none: the user fills in "Aan" in the draft. */
  to?: string[] | undefined;
}

export async function buildEml({ markdown, title, subject, to }: EmlInput): Promise<string> {
  return composeEml({ text: markdown, html: htmlDocument(markdown, title), subject, to });
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
  return foldHeaders(message.toString('utf8'));
}

/**
 * nodemailer writes an address list as one header line, however long; RFC
 * 5322 allows 998 characters and recommends 78. Fold long header lines after
 * the commas between addresses (each address itself is at most 254
 * characters: recipients.ts).
 */
export function foldHeaders(message: string): string {
  const end = message.indexOf('\r\n\r\n');
  if (end < 0) return message;
  const head = message
    .slice(0, end)
    .split('\r\n')
    .map((line) => (line.length > 78 && /^(To|Cc|Bcc):/i.test(line) ? foldAddresses(line) : line))
    .join('\r\n');
  return head + message.slice(end);
}

function foldAddresses(line: string): string {
  const parts = line.split(', ');
  let out = parts[0] ?? '';
  let width = out.length;
  for (const part of parts.slice(1)) {
    if (width + 2 + part.length > 78) {
      out += `,\r\n ${part}`;
      width = 1 + part.length;
    } else {
      out += `, ${part}`;
      width += 2 + part.length;
    }
  }
  return out;
}
