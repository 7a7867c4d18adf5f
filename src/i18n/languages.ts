export const LANGUAGES = ['en', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A language's strings file, fetched as its own chunk. */
export type Strings = () => Promise<{ default: Record<string, unknown> }>;
