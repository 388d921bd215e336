// Types of scripts/lint-workflows.mjs for the tests that import it.
export interface Finding {
  file?: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}
export const NODE24_MAJORS: Record<string, number>;
export function actionlintVersion(): string;
export function outdatedActions(text: string): Finding[];
export function workflowSnippets(markdown: string): { line: number; text: string; offset: number; kind: 'workflow' | 'steps' }[];
export function lintFiles(files: string[]): Promise<{ workflows: number; findings: Finding[] }>;
