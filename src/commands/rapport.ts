import type { Output } from '../output.js';
export interface ReportOptions {
  worksheet: string;
  format: 'md' | 'html' | 'eml';
  output?: string | undefined;
  template?: string | undefined;
  to?: string | undefined;
  map?: string | undefined;
  cwd: string;
  out: Output;
}
export async function report(_opts: ReportOptions): Promise<void> {
  throw new Error('stub: report helper replaces this file');
}
