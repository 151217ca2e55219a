// The architecture of src/, checked by `npm run deps` (part of `npm test`).
//
// Imports run one way:
//   cli.ts → commands/ → runner/, report/, sheet-state.ts → walk.ts, dossier/ → types/ → definition/ → support/
// and only src/terminal/ talks to @inquirer. Type-only imports count too
// (tsPreCompilationDeps), and so do dynamic `await import(...)`s: a layer is
// a layer whether or not the import survives compilation.

/** Paths in src/, as dependency-cruiser sees them (relative to the project). */
const src = (...folders) => `^src/(${folders.join('|')})`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle in src/ ties modules together: move the shared part down a layer.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'support-imports-nothing',
      severity: 'error',
      comment: 'support/ is the bottom layer: it may import only other support/ modules (and packages).',
      from: { path: src('support/') },
      to: { path: '^src/', pathNot: src('support/') },
    },
    {
      name: 'definition-imports-support-only',
      severity: 'error',
      comment: 'definition/ (the worksheet format) may import only definition/ and support/.',
      from: { path: src('definition/') },
      to: { path: '^src/', pathNot: src('definition/', 'support/') },
    },
    {
      name: 'types-below-walk-and-dossier',
      severity: 'error',
      comment:
        'types/ (one module per question type, registry.ts) sits between definition/ and walk.ts/dossier/: it may import ' +
        'only types/, definition/, support/, the answer values (dossier/answers.ts) and the Prompter types (terminal/prompter.ts).',
      from: { path: src('types/') },
      to: { path: '^src/', pathNot: [src('types/', 'definition/', 'support/'), '^src/dossier/answers\\.ts$', '^src/terminal/prompter\\.ts$'] },
    },
    {
      name: 'dossier-imports-definition-support-only',
      severity: 'error',
      comment: 'dossier/ (answers files, folder, lock) may import only dossier/, types/, definition/ and support/.',
      from: { path: src('dossier/') },
      to: { path: '^src/', pathNot: src('dossier/', 'types/', 'definition/', 'support/') },
    },
    {
      name: 'walk-stays-pure',
      severity: 'error',
      comment: 'walk.ts is pure: it may import only types/, definition/, dossier/ and support/.',
      from: { path: '^src/walk\\.ts$' },
      to: { path: '^src/', pathNot: src('types/', 'definition/', 'dossier/', 'support/') },
    },
    {
      name: 'runner-talks-to-prompter-only',
      severity: 'error',
      comment:
        'runner/ may not import report/ or commands/, and of terminal/ only the Prompter types in ' +
        'terminal/prompter.ts: the terminal implementation is chosen by commands/start/.',
      from: { path: src('runner/') },
      to: { path: [src('report/', 'commands/'), '^src/terminal/'], pathNot: '^src/terminal/prompter\\.ts$' },
    },
    {
      name: 'report-not-interactive',
      severity: 'error',
      comment: 'report/ may not import runner/, terminal/ or commands/.',
      from: { path: src('report/') },
      to: { path: src('runner/', 'terminal/', 'commands/') },
    },
    {
      name: 'commands-only-from-cli',
      severity: 'error',
      comment:
        'Only cli.ts (and src/cli/) imports commands/ (each command lazily, when it runs); the home menu (commands/menu*.ts), ' +
        "whose items are the commands; and a command's own folder (commands/start/) its helpers.",
      from: { path: '^src/', pathNot: ['^src/cli\\.ts$', '^src/cli/', '^src/commands/menu[^/]*\\.ts$', '^src/commands/start/'] },
      to: { path: src('commands/') },
    },
    {
      name: 'cli-folder-only-from-cli',
      severity: 'error',
      comment: 'src/cli/ (the command table, the program, its messages) is the top layer: only cli.ts and src/cli/ import it.',
      from: { path: '^src/', pathNot: ['^src/cli\\.ts$', '^src/cli/'] },
      to: { path: '^src/cli/' },
    },
    {
      name: 'command-folders-are-private',
      severity: 'error',
      comment: "A command's folder (commands/start/) is entered through its index.ts; the helpers beside it are its own.",
      from: { path: '^src/', pathNot: '^src/commands/start/' },
      to: { path: '^src/commands/start/', pathNot: '^src/commands/start/index\\.ts$' },
    },
    {
      name: 'inquirer-only-in-terminal',
      severity: 'error',
      comment: 'Only src/terminal/ may import @inquirer packages; the rest talks to the Prompter interface.',
      from: { path: '^src/', pathNot: '^src/terminal/' },
      to: { path: '(^|/)node_modules/@inquirer/|^@inquirer/' },
    },
    {
      name: 'plain-without-inquirer',
      severity: 'error',
      comment: 'The plain prompter (start --eenvoudig) writes only plain lines: no @inquirer, no chalk, and not the full screen\'s modules.',
      from: { path: '^src/terminal/plain\\.ts$' },
      to: { path: ['(^|/)node_modules/(@inquirer|chalk)/', '^(@inquirer|chalk)', src('terminal/inquirer.ts', 'terminal/text-editor.ts')] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import dependency-cruiser cannot resolve escapes every rule above: fix the import or this config.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
