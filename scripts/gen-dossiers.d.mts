// Types for scripts/gen-dossiers.mjs (used by the tests).
export function dossierFiles(i: number): Record<string, string>;
export function generateDossiers(root: string, count: number): string[];
