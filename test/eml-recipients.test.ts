// `--aan` (issue 23, item 8): no header line over 998 characters (RFC 5322).
// nodemailer folds a list of addresses after the commas; one address over 254
// characters (RFC 5321), which could not be folded, is refused.
import { describe, expect, it } from 'vitest';
import { simpleParser, type AddressObject } from 'mailparser';
import { composeEml } from '../src/report/eml.js';
import { checkRecipients } from '../src/report/recipients.js';

describe('--aan', () => {
  it('5,000 characters of addresses: folded header lines, all addresses kept', async () => {
    const to = Array.from({ length: 250 }, (_, i) => `collega${i}@gemeente.nl`);
    expect(to.join(', ').length).toBeGreaterThan(5000);
    const eml = await composeEml({ text: 'Hallo', html: '<p>Hallo</p>', subject: 'Rapport', to: checkRecipients(to.join(','), 'eml', ['rapport']) });
    const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    const mail = await simpleParser(eml);
    expect((mail.to as AddressObject).value.map((a) => a.address)).toEqual(to);
  });

  it('an address over 254 characters is refused, the message shortened', () => {
    const long = `${'a'.repeat(300)}@gemeente.nl`;
    expect(() => checkRecipients(long, 'eml', ['rapport'])).toThrow(/Ongeldig e-mailadres "a{60}… \(312 tekens\)"/);
  });
});
