import { Modal } from '../app/Modal';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';

const SHORTCUTS: { keys: string[]; label: MessageKey }[] = [
  { keys: ['j'], label: 'shortcutNext' },
  { keys: ['k'], label: 'shortcutPrev' },
  { keys: ['↓', '↑', 'Home', 'End'], label: 'shortcutMove' },
  { keys: ['Enter'], label: 'shortcutOpen' },
  { keys: ['Space'], label: 'shortcutSpace' },
  { keys: ['s'], label: 'shortcutStar' },
  { keys: ['/', 'Ctrl F', '⌘ F'], label: 'shortcutSearch' },
  { keys: ['Esc'], label: 'shortcutEscape' },
  { keys: ['v'], label: 'shortcutStarredView' },
  { keys: ['l'], label: 'shortcutLibrary' },
  { keys: ['Ctrl +', 'Ctrl −'], label: 'shortcutTextSize' },
  { keys: ['?'], label: 'shortcutHelp' },
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal title={t('shortcutsTitle')} onClose={onClose} className="shortcuts">
      <dl className="shortcut-list">
        {SHORTCUTS.map((s) => (
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
