import { useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/I18nContext';

interface ToastAction {
  label: string;
  run(): void;
}

interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
  /** A button beside the message ("Undo"); pressing it runs the action and dismisses the toast. */
  action?: ToastAction;
}

const LIFETIME_MS = { info: 5000, error: 10000 } as const;
const MAX_TOASTS = 4;

/** Messages for the user: errors from the API, drop results. Not React state, so any code can post. */
export class ToastStore {
  private toasts: readonly Toast[] = [];
  private listeners = new Set<() => void>();
  private nextId = 1;

  getToasts = (): readonly Toast[] => this.toasts;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  show(message: string, kind: Toast['kind'] = 'info', action?: ToastAction): void {
    const toast: Toast = action
      ? { id: this.nextId++, message, kind, action }
      : { id: this.nextId++, message, kind };
    // The same message twice in a row (e.g. a repeated failing key press) shows once.
    const others = this.toasts.filter((t) => t.message !== message);
    this.toasts = [...others, toast].slice(-MAX_TOASTS);
    this.emit();
    setTimeout(() => this.dismiss(toast.id), LIFETIME_MS[kind]);
  }

  error(message: string): void {
    this.show(message, 'error');
  }

  dismiss(id: number): void {
    const next = this.toasts.filter((t) => t.id !== id);
    if (next.length !== this.toasts.length) {
      this.toasts = next;
      this.emit();
    }
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export function Toasts({ store }: { store: ToastStore }) {
  const { t } = useI18n();
  const toasts = useSyncExternalStore(store.subscribe, store.getToasts);
  return (
    <section className="toasts" aria-label={t('notificationsLabel')}>
      {/* Live regions exist before messages arrive, or screen readers miss the first one. */}
      <div role="alert" className="toast-region">
        {toasts
          .filter((x) => x.kind === 'error')
          .map((x) => (
            <ToastView key={x.id} toast={x} onDismiss={() => store.dismiss(x.id)} />
          ))}
      </div>
      <div role="status" className="toast-region">
        {toasts
          .filter((x) => x.kind === 'info')
          .map((x) => (
            <ToastView key={x.id} toast={x} onDismiss={() => store.dismiss(x.id)} />
          ))}
      </div>
    </section>
  );
}

function ToastView({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <div className={`toast toast-${toast.kind}`}>
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="button toast-action"
          onClick={() => {
            toast.action!.run();
            onDismiss();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label={t('dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
