// Path arithmetic only (no I/O): the core reads through Host, but joins paths like everyone else.
import * as path from 'node:path';

export const joinPath = (...parts: string[]): string => path.join(...parts);
export const resolvePath = (base: string, relative: string): string => path.resolve(base, relative);
export const dirName = (p: string): string => path.dirname(p);
export const baseName = (p: string): string => path.basename(p);
