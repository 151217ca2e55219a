// The name of a closed round's folder inside a dossier: `ronde-<naam>`, e.g. `ronde-2026`.
export const ROUND_PREFIX = 'ronde-';
