import { useSession } from '../../store';
import { lazyComponent } from '../lazy/lazy-component';

// Each dialog's code loads when it first opens (a fast first load); see ui/lazy.
const overlay = { overlay: true };
const CsvDialog = lazyComponent(
  'the CSV dialog',
  () => import('../csv/CsvDialog').then((m) => m.CsvDialog),
  overlay,
);
const OpenSharedDialog = lazyComponent(
  'the shared network',
  () => import('../share/OpenSharedDialog').then((m) => m.OpenSharedDialog),
  overlay,
);
const ShareLinkDialog = lazyComponent(
  'the share dialog',
  () => import('../share/ShareLinkDialog').then((m) => m.ShareLinkDialog),
  overlay,
);
const HelpDialog = lazyComponent(
  'the shortcuts',
  () => import('./HelpDialog').then((m) => m.HelpDialog),
  overlay,
);
const ImportProblemsDialog = lazyComponent(
  'the list of problems',
  () => import('./ImportProblemsDialog').then((m) => m.ImportProblemsDialog),
  overlay,
);
const MlpDialog = lazyComponent(
  'the MLP builder',
  () => import('./MlpDialog').then((m) => m.MlpDialog),
  overlay,
);
const PasteDocumentDialog = lazyComponent(
  'the paste dialog',
  () => import('./PasteDocumentDialog').then((m) => m.PasteDocumentDialog),
  overlay,
);
const OnnxImportDialog = lazyComponent(
  'the ONNX import',
  () => import('../code/OnnxImportDialog').then((m) => m.OnnxImportDialog),
  overlay,
);
const CommandPalette = lazyComponent(
  'the command palette',
  () => import('../commands/CommandPalette').then((m) => m.CommandPalette),
  overlay,
);

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
    case 'onnx-import':
      return <OnnxImportDialog fileName={dialog.fileName} mlp={dialog.mlp} />;
  }
}
