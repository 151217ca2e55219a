// `--aan` of rapport and verschil: the recipients of an e-mail draft (.eml).
import { ExitCode, WerkboekError } from '../support/errors.js';
import { suggest } from '../support/invocation.js';

// One address: something@domain.tld, without spaces, brackets or quotes.
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/;

/** `--aan`: one or more addresses separated by commas or semicolons; `command` starts the example in the hint. */
export function checkRecipients(value: string, format: 'md' | 'html' | 'eml' | 'docx', command: string[]): string[] {
  if (format !== 'eml') {
    throw new WerkboekError(
      '--aan hoort bij een e-mailconcept.',
      ExitCode.usage,
      `Bijvoorbeeld: ${suggest([...command, '--formaat', 'eml', '--aan', 'naam@gemeente.nl', '-o', `${command[0] ?? 'rapport'}.eml`])}`,
    );
  }
  const addresses = value
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const bad = addresses.find((a) => !ADDRESS.test(a));
  if (!addresses.length || bad !== undefined) {
    throw new WerkboekError(
      `Ongeldig e-mailadres "${bad ?? value}".`,
      ExitCode.usage,
      'Gebruik bijvoorbeeld: --aan naam@gemeente.nl (meerdere adressen scheiden met een komma).',
    );
  }
  return addresses;
}
