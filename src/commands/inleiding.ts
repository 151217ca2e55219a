import { loadIntroduction, renderIntroduction } from '../definition/introduction.js';
import type { Output } from '../support/output.js';
import { suggest } from '../support/invocation.js';

export interface IntroductionOptions {
  out: Output;
  /** Columns to wrap to; default: the terminal's width (COLUMNS, else 80), at most 100. */
  width?: number;
}

/** `werkboek inleiding`: the workbook's introduction, wrapped to the terminal. */
export async function introduction({ out, width }: IntroductionOptions): Promise<void> {
  const blocks = await loadIntroduction();
  const columns = width ?? Math.min(100, process.stdout.columns || Number(process.env.COLUMNS) || 80);
  // Bold headings only on a terminal with colours (not with NO_COLOR / --no-color, nor into a file).
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: out.color && process.stdout.isTTY ? 1 : 0 });
  // Bold headings are colour codes of our own: kept (a plain line would show them as ␛[1m).
  out.styledLine(renderIntroduction(blocks, { width: columns, bold: chalk.bold, dim: (s) => s }));
  out.line();
  out.line(`Aan de slag: ${suggest(['start', 'gemeentelandschap'])}`);
}
