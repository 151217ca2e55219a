// The per-user folders (src/support/user-folders.ts): where a dossier lives
// when no --map is given, per platform (injected), the same folders as the
// env-paths package gave before it was replaced, so existing users keep
// finding their answers.
import { describe, expect, it } from 'vitest';
import { platformFolder } from '../src/support/user-folders.js';

describe('platformFolder', () => {
  it('Windows: under LOCALAPPDATA (not the roaming profile), Data and Cache apart', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\Anna de Vries\\AppData\\Local' };
    // path.join of the platform running the test: compare the parts.
    expect(platformFolder('data', 'win32', 'C:\\Users\\Anna de Vries', env).split(/[\\/]/)).toEqual([
      'C:',
      'Users',
      'Anna de Vries',
      'AppData',
      'Local',
      'werkboek',
      'Data',
    ]);
    expect(platformFolder('cache', 'win32', 'C:\\Users\\Anna de Vries', env).split(/[\\/]/).slice(-2)).toEqual(['werkboek', 'Cache']);
  });

  it('Windows without LOCALAPPDATA: AppData\\Local in the home folder', () => {
    expect(platformFolder('data', 'win32', '/home/anna', {}).split(/[\\/]/).slice(-5)).toEqual(['anna', 'AppData', 'Local', 'werkboek', 'Data']);
  });

  it('macOS: Application Support and Caches in the Library', () => {
    expect(platformFolder('data', 'darwin', '/Users/anna', {})).toBe('/Users/anna/Library/Application Support/werkboek');
    expect(platformFolder('cache', 'darwin', '/Users/anna', {})).toBe('/Users/anna/Library/Caches/werkboek');
  });

  it('Linux: the XDG folders, or their defaults', () => {
    expect(platformFolder('data', 'linux', '/home/anna', {})).toBe('/home/anna/.local/share/werkboek');
    expect(platformFolder('cache', 'linux', '/home/anna', {})).toBe('/home/anna/.cache/werkboek');
    expect(platformFolder('data', 'linux', '/home/anna', { XDG_DATA_HOME: '/data/anna' })).toBe('/data/anna/werkboek');
    expect(platformFolder('cache', 'linux', '/home/anna', { XDG_CACHE_HOME: '/tmp/c' })).toBe('/tmp/c/werkboek');
  });
});
