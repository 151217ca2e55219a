// The commands werkboek suggests must work where the user is: the same
// program and the same dossier (issue: hints pointed at the default folder).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentProgram, executableCommand, mapFor, programCommand, shellQuote, suggest } from '../src/support/invocation.js';

describe('programCommand', () => {
  const repo = path.join(path.sep, 'home', 'an', 'werkboek');
  const script = path.join(repo, 'bin', 'werkboek.js');
  const noPath = { PATH: '' };

  it('is "werkboek" when started as the installed command (npm link, -g, npx)', () => {
    expect(programCommand(path.join(path.sep, 'usr', 'local', 'bin', 'werkboek'), repo, noPath, 'linux')).toBe('werkboek');
  });

  it('is "node bin/werkboek.js" after the README set-up, from the project folder', () => {
    expect(programCommand(script, repo, noPath, 'linux')).toBe(`node ${path.join('bin', 'werkboek.js')}`);
  });

  it('names the whole path from elsewhere, quoted when it has spaces', () => {
    expect(programCommand(script, path.join(path.sep, 'tmp'), noPath, 'linux')).toBe(`node ${script}`);
    const spaced = path.join(path.sep, 'home', 'An de Vries', 'werkboek', 'bin', 'werkboek.js');
    expect(programCommand(spaced, path.sep + 'tmp', noPath, 'linux')).toBe(`node '${spaced}'`);
  });
});

describe('suggest', () => {
  it('repeats --map only when the dossier came from --map', () => {
    expect(mapFor({ dir: '/data/bieb-oost', source: 'optie' })).toBe('/data/bieb-oost');
    expect(mapFor({ dir: '/data/bieb-oost', source: 'WERKBOEK_MAP' })).toBeUndefined();
    expect(suggest(['start', 'gemeentelandschap'], '/data/bieb oost')).toBe("werkboek start gemeentelandschap --map '/data/bieb oost'");
    expect(suggest(['start', '<werkblad>'])).toBe('werkboek start <werkblad>');
  });

  it('quotes for the shell of the platform', () => {
    expect(shellQuote("Bieb 't Gooi", 'linux')).toBe(`'Bieb '\\''t Gooi'`);
    expect(shellQuote('C:\\Users\\An\\Mijn map', 'win32')).toBe('"C:\\Users\\An\\Mijn map"');
    expect(shellQuote('C:\\Users\\An', 'win32')).toBe('C:\\Users\\An');
    expect(shellQuote('a\\b', 'linux')).toBe("'a\\b'");
  });
});

describe('executableCommand (a single executable, npm run release)', () => {
  it('its name alone when its folder is on the PATH', () => {
    expect(executableCommand('/opt/werkboek/werkboek-linux-x64', '/home/an', { PATH: '/usr/bin:/opt/werkboek' }, 'linux')).toBe('werkboek-linux-x64');
    expect(executableCommand('C:\\Programma\'s\\werkboek-win-x64.exe', 'C:\\Users\\An', { Path: 'C:\\Windows;C:\\Programma\'s' }, 'win32')).toBe('werkboek-win-x64.exe');
  });

  it('./name in the current folder (.\\name.exe on Windows, which cmd and PowerShell both run)', () => {
    expect(executableCommand('/home/an/Downloads/werkboek-linux-x64', '/home/an/Downloads', { PATH: '/usr/bin' }, 'linux')).toBe('./werkboek-linux-x64');
    expect(executableCommand('C:\\Users\\An\\Downloads\\werkboek-win-x64.exe', 'C:\\Users\\An\\Downloads', { Path: 'C:\\Windows' }, 'win32')).toBe('.\\werkboek-win-x64.exe');
  });

  it('else its full path, quoted for the shell when it needs it', () => {
    expect(executableCommand('/home/an/Mijn downloads/werkboek-linux-x64', '/home/an', { PATH: '/usr/bin' }, 'linux')).toBe("'/home/an/Mijn downloads/werkboek-linux-x64'");
    expect(executableCommand('C:\\Users\\An\\Mijn downloads\\werkboek-win-x64.exe', 'C:\\Users\\An', {}, 'win32')).toBe('"C:\\Users\\An\\Mijn downloads\\werkboek-win-x64.exe"');
  });

  it('is what the program names itself as when it runs as one', () => {
    expect(currentProgram({ sea: true, execPath: '/tmp/x/werkboek-linux-x64', cwd: '/tmp/x', env: { PATH: '' }, platform: 'linux' })).toBe('./werkboek-linux-x64');
    expect(currentProgram({ sea: false, argv1: '/usr/lib/node_modules/werkboek/bin/werkboek', cwd: '/tmp', env: { PATH: '' }, platform: 'linux' })).toBe('werkboek');
  });
});
