// Opening a report with its default program, or showing its folder
// (support/open-file.ts): the command per platform, never through a shell,
// detached and let go; a program that cannot start is a reason in Dutch.
import { describe, expect, it } from 'vitest';
import { hasDesktop, openCommand, openOnDesktop, type Desktop } from '../src/support/open-file.js';
import { fakeDesktop } from './helpers/fake-desktop.js';

const WINDOWS_FILE = String.raw`C:\Users\Jan & Piet 100%\AppData\Local\werkboek\Data\rapport-alles-2026-12-07.docx`;

describe('the command that opens a file or its folder', () => {
  it('Windows: explorer.exe with the path as one argument (spaces, & and % are no shell syntax)', () => {
    expect(openCommand(WINDOWS_FILE, 'file', 'win32')).toEqual({ command: 'explorer.exe', args: [WINDOWS_FILE] });
    expect(openCommand(WINDOWS_FILE, 'folder', 'win32')).toEqual({
      command: 'explorer.exe',
      args: [String.raw`C:\Users\Jan & Piet 100%\AppData\Local\werkboek\Data`],
    });
  });

  it('macOS: open, and open -R to show the file in the Finder', () => {
    const file = '/Users/jan/Library/Application Support/werkboek/rapport-alles-2026-12-07.docx';
    expect(openCommand(file, 'file', 'darwin')).toEqual({ command: 'open', args: [file] });
    expect(openCommand(file, 'folder', 'darwin')).toEqual({ command: 'open', args: ['-R', file] });
  });

  it('Linux: xdg-open with the file or its folder', () => {
    const file = '/home/jan/.local/share/werkboek/rapport-alles-2026-12-07.html';
    expect(openCommand(file, 'file', 'linux')).toEqual({ command: 'xdg-open', args: [file] });
    expect(openCommand(file, 'folder', 'linux')).toEqual({ command: 'xdg-open', args: ['/home/jan/.local/share/werkboek'] });
  });

  it('a desktop: always on Windows and macOS, on Linux only in a graphical session', () => {
    expect(hasDesktop({ platform: 'win32', env: {} })).toBe(true);
    expect(hasDesktop({ platform: 'darwin', env: {} })).toBe(true);
    expect(hasDesktop({ platform: 'linux', env: {} })).toBe(false);
    expect(hasDesktop({ platform: 'linux', env: { DISPLAY: ':0' } })).toBe(true);
    expect(hasDesktop({ platform: 'freebsd', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBe(true);
  });
});

describe('opening', () => {
  it('starts the program detached, without a shell, and lets it go', async () => {
    const { desktop, calls } = fakeDesktop('win32');
    expect(await openOnDesktop(WINDOWS_FILE, 'file', desktop)).toEqual({ opened: true });
    expect(calls).toEqual([{ command: 'explorer.exe', args: [WINDOWS_FILE], options: { detached: true, stdio: 'ignore', shell: false }, unref: true }]);
  });

  it('a program that is not there, or a spawn that throws: not opened, with the reason in Dutch', async () => {
    const missing = fakeDesktop('linux', { error: Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' }) });
    expect(await openOnDesktop('/tmp/r.html', 'file', missing.desktop)).toEqual({ opened: false, reason: 'het programma xdg-open is niet gevonden' });
    const throwing: Desktop = {
      platform: 'darwin',
      env: {},
      spawn: () => {
        throw Object.assign(new Error('spawn EACCES'), { code: 'EACCES' });
      },
    };
    expect(await openOnDesktop('/tmp/r.html', 'folder', throwing)).toEqual({ opened: false, reason: 'geen toestemming' });
  });
});
