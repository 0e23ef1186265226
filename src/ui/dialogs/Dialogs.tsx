import { useSession } from '../../store';
import { ImportProblemsDialog } from './ImportProblemsDialog';

const selectDialog = (s: ReturnType<typeof useSession.getState>) => s.dialog;

/** The open dialog, if any. Others add theirs to the session's Dialog union and here. */
export function Dialogs() {
  const dialog = useSession(selectDialog);
  if (!dialog) return null;
  switch (dialog.type) {
    case 'import-problems':
      return <ImportProblemsDialog fileName={dialog.fileName} problems={dialog.problems} />;
  }
}
