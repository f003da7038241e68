export function questions(count: number, seed?: number): { title: string; paragraphs: string[]; code: boolean; options: { text: string; right: boolean }[]; explanation: string | null }[];
export const DIALECT_BANKS: string[];
export function dialectBank(dialect: string, count: number, seed?: number): string;
export function nativeBankFor(dialect: string, count: number, seed?: number): string;
export const EXTENSIONS: Record<string, string>;
