/** Whether a dropped or picked file is a CSV (or TSV) table: by its name, or the type the browser gives it. */
export const isCsvFile = (file: File) =>
  /\.(csv|tsv)$/i.test(file.name) || file.type === 'text/csv' || file.type === 'text/tab-separated-values';
