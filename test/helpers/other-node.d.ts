/** The other supported Node major's binary (installed under node_modules/.cache when missing) and its version. */
export declare function installOtherNode(): { bin: string; version: string };
