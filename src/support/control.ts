// Control characters from a file must never reach a terminal, a report or an
// email as control characters: an answer "\e]0;pwned\a\e[2J" would retitle
// and clear the terminal of whoever prints it. Every C0 control except
// newline and tab, DEL, every C1 control, and so every escape sequence, is
// shown as a visible symbol instead (ESC as "␛", BEL as "␇", …), so the
// reader sees that something odd was there and nothing happens.

// C0 (but \t and \n), DEL, C1. A lone \r is a control too (it moves the cursor
// back); \r\n is a line end (an .eml is CRLF throughout) and stays. And the
// bidi controls (U+202A–U+202E, U+2066–U+2069, the marks U+200E, U+200F,
// U+061C): invisible, they reorder what follows, so "gpj.exe" can read as
// "exe.jpg" ("Trojan Source"); line and paragraph separators U+2028/U+2029.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|\r(?!\n)/g;

/** The text with every control character (but newline and tab) made visible. */
export function visibleControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟ (␛ for ESC)
    if (code === 0x7f) return '\u2421'; // ␡
    return '\uFFFD'; // C1 and bidi controls: no picture of their own
  });
}

// Colour and style codes (SGR: ESC [ … m), as chalk writes them.
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * For text we styled ourselves: our own colour codes stay, every other
 * control character is made visible. User text in it must be made visible
 * before it is styled (a colour code in an answer would otherwise pass).
 */
export function visibleControlsKeepingColour(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SGR)) {
    out += visibleControls(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + visibleControls(text.slice(last));
}
