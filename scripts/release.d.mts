// Types of scripts/release.mjs for the tests that import it.
export function checkTag(tag: string, root?: string): { version: string; major: string };
export function changelogSection(version: string, root?: string): string | undefined;
