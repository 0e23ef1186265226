import { createContext, useCallback, useContext, useEffect, useState } from 'react';

/**
 * What the learner is typing in a node's text fields, before (or without) it reaching the document:
 * a refused formula is never applied, so a preview that read only the document would keep showing
 * the last good f′(x) next to a broken f(x).
 */
export type ParamDrafts = Readonly<Record<string, string>>;

type Report = (name: string, text: string) => void;

const ReportDraft = createContext<Report | null>(null);

/** Provided around a node's parameter fields; the fields report into it. */
export const ParamDraftsProvider = ReportDraft.Provider;

/** The drafts of one node's fields, and the reporter to provide to them. */
export function useParamDrafts(): [ParamDrafts, Report] {
  const [drafts, setDrafts] = useState<ParamDrafts>({});
  const report = useCallback<Report>(
    (name, text) => setDrafts((d) => (d[name] === text ? d : { ...d, [name]: text })),
    [],
  );
  return [drafts, report];
}

/** Called by a field with the text it shows (the draft while focused, the document's value otherwise). */
export function useReportDraft(name: string, text: string): void {
  const report = useContext(ReportDraft);
  useEffect(() => report?.(name, text), [report, name, text]);
}
