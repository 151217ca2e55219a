// Generated dossiers for the overview's bench (scripts/bench.mjs) and tests
// (test/overview.test.ts): one folder per library with the three answers
// files as werkboek writes them (the yaml library's Document, lineWidth 0),
// deterministic for a given count. Only the yaml package, no werkboek code.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document } from 'yaml';

const PLACES = ['Aadorp', 'Beek', 'Cadier', 'Diever', 'Eext', 'Frieschepalen', 'Gasselte', 'Hoorn', 'IJsselmuiden', 'Joure', 'Kampen', 'Lemmer'];
const yn = (n) => (n % 3 === 0 ? 'nee' : 'ja');

/** A small deterministic sequence for dossier `i` (mulberry32). */
function numbers(i) {
  let a = (i + 1) * 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function file(worksheet, status, day, answers) {
  const doc = new Document({
    werkblad: worksheet,
    versie: 1,
    status,
    aangemaakt: `2026-0${1 + (day % 9)}-1${day % 10}T09:00:00.000Z`,
    bijgewerkt: `2026-11-${String(1 + (day % 27)).padStart(2, '0')}T1${day % 10}:05:00.000Z`,
    programma: 'werkboek 0.1.0',
    antwoorden: answers,
  });
  doc.commentBefore = ` Antwoorden bij werkblad ${worksheet}\n Gemaakt met werkboek.`;
  return doc.toString({ lineWidth: 0 });
}

/** The three answers files of library `i`, as { name: text }, filled in more or less far. */
export function dossierFiles(i) {
  const next = numbers(i);
  const place = `${PLACES[i % PLACES.length]} ${i + 1}`;
  const meta = { naam: `Medewerker ${i + 1}`, bibliotheek: `Bibliotheek ${place}`, datum: '2026-11-20' };
  const files = {};
  const done = next() % 4;
  files['gemeentelandschap.yaml'] = file('gemeentelandschap', done === 0 ? 'concept' : 'afgerond', i, {
    ...meta,
    'thema-in-agenda': yn(next()),
    'thema-in-agenda-wijze': `In het coalitieakkoord van ${place} staat digitale inclusie onder "Iedereen doet mee".\n\nConcreet genoemd:\n- een Informatiepunt Digitale Overheid\n- cursussen voor ouderen\n`,
    aanspreekpunt: 'Mevrouw J. Jansen, beleidsadviseur sociaal domein (team Participatie).',
    resultaatdoelen: 'nee',
    'resultaatdoelen-wensen': 'De gemeente wil graag weten hoeveel inwoners we helpen.\nEen afspraak over aantallen is er nog niet.\n',
    gemeenteraad: next() % 2 ? { weet_ik_niet: true } : 'ja',
    'relatie-gemeente': 'Goed, maar vooral op bestuurlijk niveau.',
    overlegstructuur: yn(next()),
    'overlegstructuur-wie': 'Elk kwartaal met de beleidsadviseur en de klantmanagers.',
    ...(done === 0 ? {} : { 'relatie-met-mt': 'nee' }),
  });
  {
    files['randvoorwaarden.yaml'] = file('randvoorwaarden', done === 3 ? 'afgerond' : 'concept', i + 1, {
      ...meta,
      'doelen-vastgelegd': yn(next()),
      'doelen-welke': 'Jaarplan 2026, hoofdstuk 3: de bibliotheek als plek voor digitale vaardigheden.\n',
      'eigen-plan': 'ja',
      'onderscheid-vraag': 'Ja: inloop voor vragen, cursussen voor vaardigheden.',
      diensten: 'Informatiepunt Digitale Overheid, Klik & Tik en Digisterker.',
      collectie: 'ja',
      partners: [
        { naam: 'Welzijn Oost', aanbod: 'Hulp bij formulieren', verwijzing: 'Beide' },
        { naam: 'SeniorWeb', aanbod: 'Cursussen in de bibliotheek', verwijzing: 'Wij naar hen' },
      ],
      'overzicht-aanbod-partners': yn(next()),
      functies: [{ functie: 'Coördinator digitale inclusie', soort: 'Vast', taken: 'Aanbod en partners', uren: 16 }],
      'uren-voldoende': yn(next()),
      'uren-nodig': { weet_ik_niet: true },
      'collectief-geheugen': '',
    });
  }
  {
    files['plan-van-aanpak.yaml'] = file('plan-van-aanpak', 'concept', i + 2, {
      ...meta,
      ...(done < 2 ? {} : { 'rol-bibliotheek': 'Wegwijzer en oefenplek.' }),
      stakeholders: '1. De wethouder sociaal domein: wil resultaten laten zien.\n2. De beleidsadviseur: ons dagelijkse aanspreekpunt.\n',
      kernboodschap: `De bibliotheek is dé plek in ${place} waar inwoners terechtkunnen met vragen over de digitale overheid.`,
      doelen: { weet_ik_niet: true },
      'intern-betrokken': 'Het MT en de medewerkers van de informatiepunten.',
    });
  }
  return files;
}

/** Writes `count` dossiers into `root` (one folder per library); returns their folders. */
export function generateDossiers(root, count) {
  const dirs = [];
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `bibliotheek-${String(i + 1).padStart(4, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(dossierFiles(i))) writeFileSync(path.join(dir, name), text);
    dirs.push(dir);
  }
  return dirs;
}
