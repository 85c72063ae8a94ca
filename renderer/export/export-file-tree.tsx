import type { KeyboardEvent } from 'react';
import { type BundleFolder, bundleTree, type ExportFile, filesInTreeOrder } from '../../shared/export';

interface ExportFileTreeProps {
  files: readonly ExportFile[];
  selectedPath: string | null;
  onSelect(path: string): void;
}

/** The bundle's folders and files; picking a file previews it. Up and Down move through the files. */
export function ExportFileTree({ files, selectedPath, onSelect }: ExportFileTreeProps) {
  const tree = bundleTree(files);
  const ordered = filesInTreeOrder(tree);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = ordered.findIndex((file) => file.path === selectedPath);
    const next = ordered[Math.min(ordered.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) onSelect(next.path);
  };
  return (
    <div
      className="export-tree"
      role="tree"
      aria-label="Files to export"
      data-testid="export-file-tree"
      onKeyDown={onKeyDown}
    >
      <FolderItems folder={tree} selectedPath={selectedPath} onSelect={onSelect} />
    </div>
  );
}

function FolderItems({
  folder,
  selectedPath,
  onSelect,
}: { folder: BundleFolder } & Omit<ExportFileTreeProps, 'files'>) {
  return (
    <>
      {folder.files.map((file) => {
        const isSelected = file.path === selectedPath;
        return (
          <div
            key={file.path}
            role="treeitem"
            aria-selected={isSelected}
            tabIndex={isSelected || (selectedPath === null && file === folder.files[0]) ? 0 : -1}
            className="export-tree__file"
            title={file.about}
            onClick={() => onSelect(file.path)}
            onKeyDown={(event) => event.key === 'Enter' && onSelect(file.path)}
            ref={(element) => {
              if (!isSelected || !element) return;
              element.scrollIntoView({ block: 'nearest' });
              // Keyboard moves carry the focus along; a click elsewhere in the dialog keeps it where it is.
              if (element.closest('[role="tree"]')?.contains(document.activeElement)) element.focus();
            }}
          >
            {file.path.split('/').pop()}
          </div>
        );
      })}
      {folder.folders.map((child) => (
        <div key={child.path} role="treeitem" aria-expanded tabIndex={-1} className="export-tree__folder">
          <span className="export-tree__folder-name">{child.name}/</span>
          {/* biome-ignore lint/a11y/useSemanticElements: a tree's nested level is an ARIA group, not a form fieldset */}
          <div role="group" className="export-tree__group">
            <FolderItems folder={child} selectedPath={selectedPath} onSelect={onSelect} />
          </div>
        </div>
      ))}
    </>
  );
}
