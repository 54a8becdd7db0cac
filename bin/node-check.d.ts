/** The supported Node.js majors, oldest first. */
export declare const SUPPORTED_MAJORS: readonly number[];
/** Why this Node version cannot run Stackwright, or undefined when it can. */
export declare function nodeVersionProblem(version: string): string | undefined;
/** Exits 2 with the problem when this process's Node is too old. */
export declare function requireSupportedNode(): void;
