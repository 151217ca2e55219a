// What `rapport` and `vergelijk` are asked to make, and a rendered report in
// its format: the Markdown as is, a sanitised HTML document or an .eml draft
// (marked, sanitize-html and nodemailer are loaded only for html/eml).
// Writing it is write-output.ts, the recipients recipients.ts.
import type { Output } from '../support/output.js';

export type ReportFormat = 'md' | 'html' | 'eml';

/** What `rapport` and `vergelijk` are asked to make. */
export interface ReportRequest {
  worksheet: string;
  format: ReportFormat;
  output?: string | undefined;
  template?: string | undefined;
  to?: string | undefined;
  map?: string | undefined;
  /** `--werkbladen`: a folder of own worksheet definitions (also WERKBOEK_WERKBLADEN). */
  ownFolder?: string | undefined;
  cwd: string;
  out: Output;
  /** The moment the report is made (tests); default: now. */
  now?: Date | undefined;
}

/** The report in its format: Markdown, an HTML document or an email draft (with `to`). */
export async function formatReport(
  markdown: string,
  doc: { plainTitle: string; subject: string },
  format: ReportFormat,
  recipients: string[] | undefined,
): Promise<string> {
  switch (format) {
    case 'md':
      return markdown;
    case 'html': {
      const { htmlDocument } = await import('./html.js');
      return htmlDocument(markdown, doc.plainTitle);
    }
    case 'eml': {
      const { buildEml } = await import('./eml.js');
      return buildEml({ markdown, title: doc.plainTitle, subject: doc.subject, to: recipients });
    }
  }
}
