// Lines of input for the plain mode, read as they come: a pipe may deliver
// them long before they are asked for. Each line is bounded, so a 100 MB
// line costs no more memory than the limit.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** A line longer than the limit: refused, never kept whole in memory. */
export const TOO_LONG = Symbol('te lang');
type Line = string | typeof TOO_LONG;

/**
 * Waits for lines: a pipe may deliver them long before they are asked for.
 * Split as readline does (LF, CRLF or a lone CR ends a line), but each line
 * is bounded: beyond `maxLine` characters the rest of that line is skipped
 * as it arrives and the line is TOO_LONG, so a 100 MB line costs no more
 * memory than the limit.
 */
export class LineReader {
  private readonly queue: Line[] = [];
  private ended = false;
  private waiting?: { resolve: (line: Line | undefined) => void; reject: (err: unknown) => void };
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private overflow = false;
  private afterCR = false;
  private readonly onData = (chunk: Buffer | string) => this.take(typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
  private readonly onEnd = () => {
    this.take(this.decoder.end());
    if (this.partial || this.overflow) this.deliver(this.overflow ? TOO_LONG : this.partial);
    this.partial = '';
    this.overflow = false;
    this.ended = true;
    if (this.waiting) this.settle().resolve(undefined);
  };

  constructor(
    private readonly input: Readable,
    private readonly maxLine: number,
  ) {
    input.on('data', this.onData);
    input.on('end', this.onEnd);
    input.on('close', this.onEnd);
    // A reader before this one paused the stream (close()); a new 'data' listener does not resume it.
    input.resume();
  }

  private take(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      // "\r\n" is one line end.
      if (!(c === 10 && this.afterCR && i === start)) this.endLine(text.slice(start, i));
      this.afterCR = c === 13;
      start = i + 1;
    }
    if (start < text.length) {
      this.afterCR = false;
      this.add(text.slice(start));
    }
  }

  private add(text: string): void {
    if (this.overflow) return;
    if (this.partial.length + text.length > this.maxLine) {
      this.overflow = true;
      this.partial = '';
    } else this.partial += text;
  }

  private endLine(rest: string): void {
    this.add(rest);
    this.deliver(this.overflow ? TOO_LONG : this.partial);
    this.partial = '';
    this.overflow = false;
  }

  private deliver(line: Line): void {
    if (this.waiting) this.settle().resolve(line);
    else this.queue.push(line);
  }

  /** The next line (TOO_LONG for one over the limit), or undefined at the end of input. */
  next(): Promise<Line | undefined> {
    if (this.queue.length) return Promise.resolve(this.queue.shift());
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  /** End the read in progress with this error. */
  fail(err: unknown): void {
    if (this.waiting) this.settle().reject(err);
  }

  close(): void {
    this.input.removeListener('data', this.onData);
    this.input.removeListener('end', this.onEnd);
    this.input.removeListener('close', this.onEnd);
    this.input.pause();
  }

  private settle() {
    const w = this.waiting!;
    this.waiting = undefined;
    return w;
  }
}
