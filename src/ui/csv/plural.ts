/** "1 row", "1,204 rows": a count with its word, in the dialog's English. */
export const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
