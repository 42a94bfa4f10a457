import { Modal } from '../app/Modal';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { COMMAND_NAMES, COMMANDS } from './commands';

/** Not a command of the window: the host's (Electron menu's or browser's) zoom of the whole window. */
const ZOOM_ROW = { keys: ['Ctrl +', 'Ctrl −', 'Ctrl 0'], label: 'shortcutZoom' as MessageKey };

/** One line per label, in the order of the COMMANDS table, keys joined; the help line last. */
export function shortcutRows(): { keys: string[]; label: MessageKey }[] {
  const rows: { keys: string[]; label: MessageKey }[] = [];
  for (const command of COMMAND_NAMES) {
    const { shown, label } = COMMANDS[command];
    const row = rows.find((r) => r.label === label);
    if (row) row.keys.push(...shown);
    else rows.push({ keys: [...shown], label });
  }
  const help = rows.findIndex((r) => r.label === 'shortcutHelp');
  rows.splice(help < 0 ? rows.length : help, 0, { ...ZOOM_ROW, keys: [...ZOOM_ROW.keys] });
  return rows;
}

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal title={t('shortcutsTitle')} onClose={onClose} className="shortcuts">
      <dl className="shortcut-list">
        {shortcutRows().map((s) => (
          <div key={s.label} className="shortcut">
            <dt>
              {s.keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(s.label)}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
