// Every schema message a writer of an own worksheet can meet is Dutch and
// names the field in words (definition/zod-messages.ts), not zod's locale
// ("Te klein: verwacht dat array >=1 elementen heeft").
import { describe, expect, it } from 'vitest';
import { checkDefinitionSource } from '../src/definition/check.js';

const HEAD = 'id: eigen\nversion: 1\nnumber: 4\ntitle: Eigen werkblad\n';
const QUESTION = '      - { id: vraag, type: text, label: "Vraag?" }\n';
const withSteps = (steps: string) => `${HEAD}steps:\n${steps}`;
const oneQuestion = (question: string) => withSteps(`  - id: stap-1\n    title: Stap 1\n    questions:\n${question}`);

const messages = (source: string) => checkDefinitionSource(source, 'eigen.yaml').issues.map((i) => i.message);

describe('schema messages in Dutch', () => {
  it.each([
    ['an empty list of steps', `${HEAD}steps: []\n`, 'stappen: er moet minstens één stap zijn'],
    ['steps not a list', `${HEAD}steps: Stap 1\n`, 'stappen: moet een lijst (regels die met "- " beginnen) zijn'],
    ['a step without questions', withSteps('  - id: stap-1\n    title: Stap 1\n    questions: []\n'), 'vragen: er moet minstens één vraag zijn'],
    ['a choice without options', oneQuestion('      - { id: keuze, type: choice, label: "Kies", options: [] }\n'), 'keuzes: er moet minstens één keuze zijn'],
    ['an empty label', oneQuestion('      - { id: vraag, type: text, label: "" }\n'), 'tekst van de vraag: mag niet leeg zijn'],
    ['an empty tip', `${HEAD}tips: [""]\nsteps:\n  - id: stap-1\n    title: Stap 1\n    questions:\n${QUESTION}`, 'tip 1: mag niet leeg zijn'],
    [
      'version as text',
      HEAD.replace('version: 1', 'version: een') + `steps:\n  - id: s\n    title: S\n    questions:\n${QUESTION}`,
      'versie: moet een getal zijn',
    ],
    [
      'version not whole',
      HEAD.replace('version: 1', 'version: 1.5') + `steps:\n  - id: s\n    title: S\n    questions:\n${QUESTION}`,
      'versie: moet een geheel getal zijn',
    ],
    ['attention not ja/nee', oneQuestion('      - { id: v, type: yesno, label: "V?", attention: misschien }\n'), 'aandachtspunt: kies uit: ja, nee'],
    [
      'a date default other than today',
      oneQuestion('      - { id: d, type: date, label: "Datum:", default: morgen }\n'),
      'standaardantwoord: moet "today" zijn',
    ],
    [
      'other not true/false',
      oneQuestion('      - { id: k, type: choice, label: "K", options: [a], other: ja }\n'),
      '"Anders, namelijk …": moet true of false zijn',
    ],
    [
      'a condition of the wrong shape',
      oneQuestion(`${QUESTION}      - { id: w, type: text, label: "W", when: { vraag: vraag } }\n`),
      'voorwaarde: een voorwaarde is "question" met "is", of "any" of "all" met een lijst voorwaarden',
    ],
    [
      'an option of the wrong shape',
      oneQuestion('      - { id: k, type: choice, label: "K", options: [{ waarde: a }] }\n'),
      'keuze 1: een keuze is een tekst, of "value" met "label"',
    ],
  ])('%s', (_name, source, expected) => {
    expect(messages(source)[0]).toBe(expected);
  });

  it('no message speaks zod (array, object, element, verwacht, Ongeldige invoer)', () => {
    const sources = [`${HEAD}steps: []\n`, `${HEAD}steps: {}\n`, oneQuestion('      - { id: v, type: number, label: "V", min: "1" }\n'), '', 'id: x\n'];
    for (const source of sources) {
      for (const message of messages(source)) expect(message).not.toMatch(/array|object|element|verwacht|Ongeldige invoer|Te klein/);
    }
  });
});
