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
  // An address longer than 254 characters (RFC 5321) is no address, and could not be folded in a header line.
  const bad = addresses.find((a) => !ADDRESS.test(a) || a.length > 254);
  if (!addresses.length || bad !== undefined) {
    throw new WerkboekError(
      `Ongeldig e-mailadres "${shorten(bad ?? value)}".`,
      ExitCode.usage,
      'Gebruik bijvoorbeeld: --aan naam@gemeente.nl (meerdere adressen scheiden met een komma).',
    );
  }
  return addresses;
}

/** A long value shown in a message: its start and how long it is. */
function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 60)}… (${text.length} tekens)` : text;
}
