// The one decision of the screen mode (support/screen.ts): plain or full,
// colour or not, from the options of the command line and the environment.
import { describe, expect, it } from 'vitest';
import { screenMode } from '../src/support/screen.js';

describe('screenMode', () => {
  it('full and in colour by default', () => {
    expect(screenMode({}, {})).toEqual({ plain: false, dumb: false, color: true });
  });

  it('plain when asked (--eenvoudig, WERKBOEK_EENVOUDIG 1/ja/true), never in colour', () => {
    expect(screenMode({ plain: true }, {})).toEqual({ plain: true, dumb: false, color: false });
    for (const value of ['1', 'ja', 'JA', ' true ']) expect(screenMode({}, { WERKBOEK_EENVOUDIG: value }).plain, value).toBe(true);
    for (const value of ['0', 'nee', '']) expect(screenMode({}, { WERKBOEK_EENVOUDIG: value }).plain, value).toBe(false);
  });

  it('TERM=dumb: plain, and said to be so because of the terminal (not when asked for anyway)', () => {
    expect(screenMode({}, { TERM: 'dumb' })).toEqual({ plain: true, dumb: true, color: false });
    expect(screenMode({ plain: true }, { TERM: 'dumb' }).dumb).toBe(false);
  });

  it('no colour with --no-color or NO_COLOR (whatever its value)', () => {
    expect(screenMode({ color: false }, {}).color).toBe(false);
    expect(screenMode({}, { NO_COLOR: '' }).color).toBe(false);
    expect(screenMode({ color: false }, {}).plain).toBe(false);
  });
});
