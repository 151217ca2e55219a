import { readProgramFile } from './program-files.js';

/** The program version, from package.json. */
export const programVersion: string = (JSON.parse(readProgramFile('package.json')) as { version: string }).version;
