// The contributions a contract editor needs, which `editor.api` alone leaves out: completion
// (Ctrl+Space), hovers, find and replace (Ctrl+F), folding, go to the next problem (F8), the
// problem status, quick fixes (Ctrl+.), go to definition (F12, Ctrl+click) and references
// (Shift+F12), rename (F2), go to symbol (Ctrl+Shift+O), go to line (Ctrl+G), more
// cursors (Ctrl+D, Ctrl+Shift+L), comments, bracket matching, the context menu, and the common editing commands.
// A Ctrl key the app gives the canvas alone (Group into Domain's Ctrl+G, Duplicate's Ctrl+D)
// falls through to the page when no contribution claims it, so each needs its own here.
// One module, so that loading them is one import that can be tried again.
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition';
import 'monaco-editor/editor/standalone/browser/referenceSearch/standaloneReferenceSearch';
import 'monaco-editor/editor/contrib/rename/browser/rename';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoSymbolQuickAccess';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/common/standaloneStrings';
// The JSON language (scenario editor) loads every editor contribution, two of which register
// these services: registered after the first editor has started Monaco's services, they were
// unknown to each later editor, which threw "depends on UNKNOWN service" on the page.
import 'monaco-editor/editor/contrib/codelens/browser/codeLensCache';
import 'monaco-editor/editor/common/services/treeViewsDndService';
