import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { type DropPlan, type DroppedFile, planDrop } from './dropPaths';

interface WebkitEntry {
  isDirectory: boolean;
}

function readDataTransfer(
  dt: DataTransfer,
  pathOf: (file: File) => string,
): { files: DroppedFile[]; uriList: string } {
  const files: DroppedFile[] = [];
  const items = [...dt.items].filter((item) => item.kind === 'file');
  const list = [...dt.files];
  list.forEach((file, i) => {
    let isDirectory: boolean | null = null;
    const item = items[i] as (DataTransferItem & { webkitGetAsEntry?: () => WebkitEntry | null }) | undefined;
    const entry = item?.webkitGetAsEntry?.();
    if (entry) isDirectory = entry.isDirectory;
    let path = '';
    try {
      path = pathOf(file);
    } catch {
      path = '';
    }
    files.push({ name: file.name, path, isDirectory });
  });
  return { files, uriList: dt.getData('text/uri-list') };
}

function carriesFiles(event: DragEvent): boolean {
  const types = event.dataTransfer?.types;
  return !!types && ([...types].includes('Files') || [...types].includes('text/uri-list'));
}

/**
 * Window-wide drag and drop: shows the overlay while files are dragged over the window and hands a
 * plan of the drop to `onDrop`. Drags that start inside the page (article links) are ignored.
 */
export function useWindowDrop(pathOf: (file: File) => string, onDrop: (plan: DropPlan) => void): boolean {
  const [active, setActive] = useState(false);
  const depth = useRef(0);
  // Effect events: the listeners are set up once and call this render's callbacks.
  const dropped = useEffectEvent((dataTransfer: DataTransfer) => {
    const { files, uriList } = readDataTransfer(dataTransfer, pathOf);
    if (files.length === 0 && !uriList) return;
    onDrop(planDrop(files, uriList));
  });

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setActive(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setActive(false);
    };
    const drop = (e: DragEvent) => {
      // Always stop the browser from navigating to a dropped file.
      e.preventDefault();
      depth.current = 0;
      setActive(false);
      if (e.dataTransfer) dropped(e.dataTransfer);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return active;
}
