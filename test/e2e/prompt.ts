// Screen helpers for the e2e tests: wait for a question to be the active prompt.
import { activePrompt, selectedChoice, type Session } from '../helpers/pty.js';

/** Wait until the active prompt (the last "? " line and below) starts with this label; returns that prompt. */
export async function waitForQuestion(s: Session, label: string, timeoutMs?: number): Promise<string> {
  const screen = await s.waitFor((sc) => activePrompt(sc).startsWith(`? ${label}`), timeoutMs);
  return activePrompt(screen);
}

/** Answer a one-line question: wait for it, type, Enter. */
export async function answerLine(s: Session, label: string, text: string): Promise<void> {
  await waitForQuestion(s, label);
  if (text) s.type(text);
  s.press('enter');
}

/** Fill in Naam and Bibliotheek and accept the default Datum (today). */
export async function answerMeta(s: Session, naam = 'Anna', bibliotheek = 'Bieb'): Promise<void> {
  await answerLine(s, Q.naam, naam);
  await answerLine(s, Q.bibliotheek, bibliotheek);
  await answerLine(s, Q.datum, '');
}

/** Answer a multi-line question: lines typed with Enter between them, finished with Ctrl+S. */
export async function answerLines(s: Session, label: string, lines: string[]): Promise<void> {
  await waitForQuestion(s, label);
  lines.forEach((line, i) => {
    if (i > 0) s.press('enter');
    s.type(line);
  });
  s.press('ctrl-s');
}

/** Answer a yes/no question (the cursor starts on "Ja" unless there is a stored answer). */
export async function answerYesNo(s: Session, label: string, answer: 'Ja' | 'Nee'): Promise<void> {
  const prompt = await waitForQuestion(s, label);
  if (selectedChoice(prompt) !== answer) s.press(answer === 'Nee' ? 'down' : 'up');
  s.press('enter');
}

/** Answer with Ctrl+N ("weet ik (nog) niet"). */
export async function answerUnknown(s: Session, label: string): Promise<void> {
  await waitForQuestion(s, label);
  s.press('ctrl-n');
}

export const Q = {
  naam: 'Naam:',
  bibliotheek: 'Bibliotheek:',
  datum: 'Datum (dd-mm-jjjj):',
  themaInAgenda: 'Komt het thema digitale inclusie terug',
  themaWijze: 'Noteer op welke wijze.',
  aanspreekpunt: 'Wie is binnen jullie gemeente(s) het aanspreekpunt',
  resultaatdoelen: 'Zijn er voor jouw onderdelen van digitale inclusie',
  resultaatdoelenWelke: 'Zo ja, welke?',
  resultaatdoelenWensen: 'Zo nee, zijn er wel wensen uitgesproken?',
  gemeenteraad: 'Is het thema digitale Inclusie de afgelopen periode',
  gemeenteraadManier: 'Zo ja, op welke manier?',
  relatieGemeente: 'Wat is de huidige relatie met de gemeente',
  overlegstructuur: 'Is er een vaste overlegstructuur',
  overlegstructuurWie: 'Wie voert deze gesprekken?',
  relatieMetMt: 'Is de relatie met de gemeente(s) een onderwerp van gesprek',
  relatieMetMtWijze: 'Op welke wijze?',
} as const;

/** At a yes/no question: the cursor to "Nee", Ctrl+O, and the toelichting for "Nee" asked. */
export async function openToelichtingOnNee(s: Session): Promise<void> {
  s.press('down');
  await s.waitFor((sc) => selectedChoice(sc) === 'Nee');
  s.press('ctrl-o');
  await waitForQuestion(s, 'Toelichting bij "Nee"');
}
