import { describe, expect, it } from 'vitest';
import { formatFromFileName } from '../src/cli/commands.js';

describe('rapport format from the output file name', () => {
  it('follows the extension of -o when --formaat is not given', () => {
    expect(formatFromFileName('dossier.html')).toBe('html');
    expect(formatFromFileName('Dossier.HTM')).toBe('html');
    expect(formatFromFileName('concept.eml')).toBe('eml');
    expect(formatFromFileName('rapport.md')).toBe('md');
    expect(formatFromFileName('rapport.txt')).toBe('md');
    expect(formatFromFileName(undefined)).toBe('md');
  });
});
