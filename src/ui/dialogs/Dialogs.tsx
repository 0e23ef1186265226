import { useSession } from '../../store';
import { CommandPalette } from '../commands/CommandPalette';
import { CsvDialog } from '../csv/CsvDialog';
import { OpenSharedDialog } from '../share/OpenSharedDialog';
import { ShareLinkDialog } from '../share/ShareLinkDialog';
import { HelpDialog } from './HelpDialog';
import { ImportProblemsDialog } from './ImportProblemsDialog';
import { MlpDialog } from './MlpDialog';
import { PasteDocumentDialog } from './PasteDocumentDialog';
import './dialogs.css';

const selectDialog = (s: ReturnType<typeof useSession.getState>) => s.dialog;

/** The open dialog, if any. Others add theirs to the session's Dialog union and here. */
export function Dialogs() {
  const dialog = useSession(selectDialog);
  if (!dialog) return null;
  switch (dialog.type) {
    case 'import-problems':
      return <ImportProblemsDialog fileName={dialog.fileName} problems={dialog.problems} />;
    case 'shortcuts':
      return <HelpDialog />;
    case 'commands':
      return <CommandPalette />;
    case 'mlp':
      return <MlpDialog />;
    case 'paste-document':
      return <PasteDocumentDialog text={dialog.text} document={dialog.document} warnings={dialog.warnings} />;
    case 'share-link':
      return <ShareLinkDialog url={dialog.url} copied={dialog.copied} warning={dialog.warning} />;
    case 'open-shared':
      return <OpenSharedDialog document={dialog.document} warnings={dialog.warnings} />;
    case 'csv':
      return (
        <CsvDialog fileName={dialog.fileName} text={dialog.text} nodeId={dialog.nodeId} at={dialog.at} />
      );
  }
}
