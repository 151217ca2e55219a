// The commands werkboek suggests must work where the user is: the same
// program and the same dossier (issue: hints pointed at the default folder).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentProgram, executableCommand, inPowerShell, mapFor, programCommand, programPath, shellQuote, suggest } from '../src/support/invocation.js';

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
    expect(programCommand(spaced, path.sep + 'tmp', noPath, 'linux')).toBe(`node "${spaced}"`);
  });
});

describe('suggest', () => {
  it('repeats --map only when the dossier came from --map', () => {
    expect(mapFor({ dir: '/data/bieb-oost', source: 'optie' })).toBe('/data/bieb-oost');
    expect(mapFor({ dir: '/data/bieb-oost', source: 'WERKBOEK_MAP' })).toBeUndefined();
    expect(suggest(['start', 'gemeentelandschap'], '/data/bieb oost')).toBe('werkboek start gemeentelandschap --map "/data/bieb oost"');
    expect(suggest(['start', '<werkblad>'])).toBe('werkboek start <werkblad>');
  });

  it('quotes for the shell of the platform', () => {
    // Double quotes, as on Windows (cmd has no single quotes); single quotes only where double ones would change the word.
    expect(shellQuote("Bieb 't Gooi", 'linux')).toBe(`"Bieb 't Gooi"`);
    expect(shellQuote('Naam collega', 'linux')).toBe('"Naam collega"');
    expect(shellQuote("Bieb $HOME 't", 'linux')).toBe(`'Bieb $HOME '\\''t'`);
    expect(shellQuote('Zeg "ja"', 'linux')).toBe(`'Zeg "ja"'`);
    expect(shellQuote('C:\\Users\\An\\Mijn map', 'win32')).toBe('"C:\\Users\\An\\Mijn map"');
    expect(shellQuote('C:\\Users\\An', 'win32')).toBe('C:\\Users\\An');
    expect(shellQuote('a\\b', 'linux')).toBe("'a\\b'");
  });
});

describe('executableCommand (a single executable, npm run release)', () => {
  it('its name alone when its folder is on the PATH', () => {
    expect(executableCommand('/opt/werkboek/werkboek-linux-x64', '/home/an', { PATH: '/usr/bin:/opt/werkboek' }, 'linux')).toBe('werkboek-linux-x64');
    expect(executableCommand("C:\\Programma's\\werkboek-win-x64.exe", 'C:\\Users\\An', { Path: "C:\\Windows;C:\\Programma's" }, 'win32')).toBe(
      'werkboek-win-x64.exe',
    );
  });

  it('./name in the current folder (.\\name.exe on Windows, which cmd and PowerShell both run)', () => {
    expect(executableCommand('/home/an/Downloads/werkboek-linux-x64', '/home/an/Downloads', { PATH: '/usr/bin' }, 'linux')).toBe('./werkboek-linux-x64');
    expect(executableCommand('C:\\Users\\An\\Downloads\\werkboek-win-x64.exe', 'C:\\Users\\An\\Downloads', { Path: 'C:\\Windows' }, 'win32')).toBe(
      '.\\werkboek-win-x64.exe',
    );
  });

  it('else its full path, quoted for the shell when it needs it', () => {
    expect(executableCommand('/home/an/Mijn downloads/werkboek-linux-x64', '/tmp', { PATH: '/usr/bin' }, 'linux')).toBe(
      '"/home/an/Mijn downloads/werkboek-linux-x64"',
    );
    // Below the current folder: relative.
    expect(executableCommand('/home/an/Downloads/werkboek-linux-x64', '/home/an', { PATH: '/usr/bin' }, 'linux')).toBe('Downloads/werkboek-linux-x64');
    expect(executableCommand('C:\\Users\\An\\Mijn downloads\\werkboek-win-x64.exe', 'D:\\', {}, 'win32')).toBe(
      '"C:\\Users\\An\\Mijn downloads\\werkboek-win-x64.exe"',
    );
  });

  it('is what the program names itself as when it runs as one', () => {
    expect(currentProgram({ sea: true, execPath: '/tmp/x/werkboek-linux-x64', cwd: '/tmp/x', env: { PATH: '' }, platform: 'linux' })).toBe(
      './werkboek-linux-x64',
    );
    expect(currentProgram({ sea: false, argv1: '/usr/lib/node_modules/werkboek/bin/werkboek', cwd: '/tmp', env: { PATH: '' }, platform: 'linux' })).toBe(
      'werkboek',
    );
  });
});

describe('on Windows: commands that paste into cmd and PowerShell (platform injected)', () => {
  /** PSModulePath as cmd has it (the system's folders only), and as Windows PowerShell 5.1 and PowerShell 7 set it. */
  const system = { ProgramFiles: 'C:\\Program Files', SystemRoot: 'C:\\WINDOWS' };
  const cmd = { ...system, PSModulePath: 'C:\\Program Files\\WindowsPowerShell\\Modules;C:\\WINDOWS\\system32\\WindowsPowerShell\\v1.0\\Modules' };
  const powershell = { ...system, PSModulePath: `C:\\Users\\An\\Documents\\WindowsPowerShell\\Modules;${cmd.PSModulePath}` };
  const pwsh = {
    ...system,
    PSModulePath: `C:\\Users\\An\\OneDrive\\Documenten\\PowerShell\\Modules;C:\\Program Files\\PowerShell\\Modules;c:\\program files\\powershell\\7\\Modules;${cmd.PSModulePath}`,
  };

  it('tells PowerShell from cmd by a module folder of the user in PSModulePath', () => {
    expect(inPowerShell(cmd)).toBe(false);
    expect(inPowerShell(powershell)).toBe(true);
    expect(inPowerShell(pwsh)).toBe(true);
    expect(inPowerShell({})).toBe(false);
    // A module folder an installer added for all users is not a sign of PowerShell.
    expect(inPowerShell({ ...system, PSModulePath: `${cmd.PSModulePath};C:\\Program Files\\SQL\\PowerShell\\Modules` })).toBe(false);
  });

  it('an executable path with spaces gets `& "…"` in PowerShell only; cmd cannot take a leading &', () => {
    const exe = 'C:\\Users\\An de Vries\\Downloads\\werkboek-win-x64.exe';
    expect(programPath(exe, 'win32', powershell)).toBe(`& "${exe}"`);
    expect(programPath(exe, 'win32', pwsh)).toBe(`& "${exe}"`);
    expect(programPath(exe, 'win32', cmd)).toBe(`"${exe}"`);
    // Without spaces no quotes, so the same line works in both.
    expect(programPath('C:\\Tools\\werkboek-win-x64.exe', 'win32', powershell)).toBe('C:\\Tools\\werkboek-win-x64.exe');
    // In the current folder: .\ (PowerShell does not look there; cmd takes it too).
    expect(programPath('werkboek-win-x64.exe', 'win32', cmd)).toBe('.\\werkboek-win-x64.exe');
    expect(programPath('werkboek linux', 'linux', {})).toBe('"./werkboek linux"');
  });

  it('programCommand: an executable by its path, a script after node (which needs no &), relative with Windows paths', () => {
    const downloads = 'C:\\Users\\An de Vries\\Downloads';
    expect(programCommand(`${downloads}\\werkboek-win-x64.exe`, downloads, { ...powershell, PATH: '' }, 'win32')).toBe('.\\werkboek-win-x64.exe');
    expect(programCommand(`${downloads}\\werkboek-win-x64.exe`, 'C:\\Users\\An de Vries', { ...powershell, PATH: '' }, 'win32')).toBe(
      'Downloads\\werkboek-win-x64.exe',
    );
    expect(programCommand(`${downloads}\\werkboek-win-x64.exe`, 'D:\\', { ...cmd, PATH: '' }, 'win32')).toBe(`"${downloads}\\werkboek-win-x64.exe"`);
    const script = 'C:\\Users\\An de Vries\\werkboek\\bin\\werkboek.js';
    expect(programCommand(script, 'C:\\Users\\An de Vries\\werkboek', { ...powershell, PATH: '' }, 'win32')).toBe('node bin\\werkboek.js');
    expect(programCommand(script, 'D:\\', { ...powershell, PATH: '' }, 'win32')).toBe(`node "${script}"`);
  });

  it('quotes a word with "," or "@" (a list or a splat in PowerShell), doubling quotes, which both read', () => {
    expect(shellQuote('Bieb Oost, Noord', 'win32')).toBe('"Bieb Oost, Noord"');
    expect(shellQuote('a,b', 'win32')).toBe('"a,b"');
    expect(shellQuote('@team', 'win32')).toBe('"@team"');
    expect(shellQuote('Zeg "ja"', 'win32')).toBe('"Zeg ""ja"""');
    expect(shellQuote('a,b', 'linux')).toBe('a,b');
  });
});
