import type { Output } from '../output.js';
export interface StartOptions {
  worksheet: string;
  map?: string | undefined;
  restart: boolean;
  cwd: string;
  out: Output;
}
export async function start(_opts: StartOptions): Promise<void> {
  throw new Error('stub: runner replaces this file');
}
