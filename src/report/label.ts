// A label before its value, in every format: "Partner: Bibliotheek Oost",
// but "Wat doet deze partner? Cursussen", not "…partner?: Cursussen" (no
// colon after a label that ends in a question mark or a colon of its own).

/** The label with what separates it from its value: ": ", or a space after "?" or ":". */
export function labelPrefix(label: string): string {
  const text = label.trimEnd();
  return /[?:]$/.test(text) ? `${text} ` : `${text}: `;
}
