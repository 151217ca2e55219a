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
  // Worksheet 2, as full as a real one (about 3 KB) when the library got that far.
  const full = done >= 1;
  files['randvoorwaarden.yaml'] = file('randvoorwaarden', done === 3 ? 'afgerond' : 'concept', i + 1, {
    ...meta,
    'doelen-vastgelegd': yn(next()),
    'doelen-welke':
      'Jaarplan 2026, hoofdstuk 3: de bibliotheek als plek voor digitale vaardigheden.\nIn de subsidieafspraak staan 40 cursussen Klik & Tik per jaar.\n',
    'eigen-plan': 'ja',
    'onderscheid-vraag': 'Ja: inloop voor vragen, cursussen voor vaardigheden.',
    diensten: 'Informatiepunt Digitale Overheid, Klik & Tik, Digisterker en het spreekuur met de belastingservice.',
    collectie: 'ja',
    partners: [
      { naam: 'Welzijn Oost', aanbod: 'Hulp bij formulieren en toeslagen', afspraken: 'ja', afspraken_toelichting: 'Convenant 2025-2027' },
      { naam: 'SeniorWeb', aanbod: 'Cursussen in de bibliotheek', afspraken: next() % 2 ? 'nee' : 'nog_niet_bekend' },
      { naam: 'Belastingservice (vrijwilligers)', aanbod: 'Aangifte inkomstenbelasting, maart tot en met mei' },
    ],
    'overzicht-aanbod-partners': yn(next()),
    ...(full && {
      'partners-verwijzen-naar-ons': 'Welzijn Oost wel, de anderen nog weinig.',
      'partners-wenselijk': 'Het UWV en de schuldhulpverlening van de gemeente.',
      'buiten-dienstverlening': 'ja',
      'signalen-hiaten': 'Vragen over DigiD-machtigingen voor ouderen in een verpleeghuis.\nDie bespreken we elk kwartaal met de gemeente.\n',
    }),
    functies: [
      { functie: 'Coördinator digitale inclusie', soort: 'betaald', taken: 'Aanbod en partners', verantwoordelijkheden: 'Jaarplan en cijfers', uren: 16 },
      { functie: 'Vrijwilliger IDO', soort: 'vrijwillig', taken: 'Inloopspreekuur', uren: 4 },
    ],
    'uren-voldoende': yn(next()),
    'uren-nodig': { weet_ik_niet: true },
    'collectief-geheugen': full ? 'Een gedeelde map met werkinstructies en een logboek per spreekuur.' : '',
    ...(full && {
      'doelen-afgestemd': yn(next()),
      samenwerkingsafspraken: true,
      evaluatie: 'ja',
      'taken-partners-beschreven': 'nee',
      'verwijzing-vanuit-partners': 'Via een warme overdracht: de partner belt het IDO-spreekuur.',
      'registratie-hoe': 'Turflijst per spreekuur, maandelijks in een spreadsheet.',
      'registratie-wat': 'Soort vraag, doorverwezen naar wie, en of de vraag is opgelost.',
      'cijfers-vragen': 'ja',
      'cijfers-doorverwijzingen': 'nee',
      'partners-registreren': 'nee',
      'partners-registratie-formaliseren': 'ja',
      'gids-verantwoordelijke': 'De coördinator digitale inclusie.',
      meerjarenbegroting: yn(next()),
      'financiele-afspraken': 'Subsidie van de gemeente voor 2026; daarna nog onbekend.',
      'gemeenschappelijke-begroting': 'nee',
    }),
  });
  files['plan-van-aanpak.yaml'] = file('plan-van-aanpak', done === 3 ? 'afgerond' : 'concept', i + 2, {
    ...meta,
    stakeholders: '1. De wethouder sociaal domein: wil resultaten laten zien.\n2. De beleidsadviseur: ons dagelijkse aanspreekpunt.\n',
    kernboodschap: `De bibliotheek is dé plek in ${place} waar inwoners terechtkunnen met vragen over de digitale overheid.`,
    doelen: { weet_ik_niet: true },
    'intern-betrokken': 'Het MT en de medewerkers van de informatiepunten.',
    ...(done >= 2 && {
      'rol-bibliotheek': 'Wegwijzer en oefenplek: laagdrempelig, neutraal en in elke wijk.',
      'externe-partners': 'Welzijn Oost en SeniorWeb: zij verwijzen door, wij bieden de plek en de cursussen.',
      benodigdheden: 'Twee uur per week extra voor de coördinator en een budget voor promotie.',
      acties: '- Gesprek met de wethouder in het voorjaar\n- Jaarcijfers delen met de beleidsadviseur\n',
      planning: 'Voor de zomer een voorstel bij de gemeente.',
    }),
  });
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
