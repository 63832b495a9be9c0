/** The hash of what the packages' build reads, for the workspace at `root` (see build-inputs.mjs). */
export function buildInputsHash(root: string): string;
/** The hash of every file of each package's dist/, for the workspace at `root`. */
export function buildOutputsHash(root: string): string;
