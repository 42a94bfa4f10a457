// Turns a failure to watch a root natively into the warning the user sees when the watcher falls
// back to polling. Linux's inotify limits are the usual cause on big libraries: parcel reports them
// as "inotify_add_watch on '…' failed: No space left on device" (watches) or
// "Unable to initialize inotify: Too many open files" (instances / descriptors).

type WatchFailureKind = 'watch-limit' | 'instance-limit' | 'other';

export function watchFailureKind(error: unknown): WatchFailureKind {
  const text = `${(error as { code?: unknown })?.code ?? ''} ${(error as Error)?.message ?? String(error)}`;
  if (/ENOSPC|no space left on device|max_user_watches/i.test(text)) return 'watch-limit';
  if (/EMFILE|ENFILE|too many open files|max_user_instances/i.test(text)) return 'instance-limit';
  return 'other';
}

export function pollingFallbackMessage(root: string, error: unknown, pollIntervalMs: number): string {
  const every = `every ${formatSeconds(pollIntervalMs)}`;
  switch (watchFailureKind(error)) {
    case 'watch-limit':
      return (
        `The system's limit on watched folders is reached (fs.inotify.max_user_watches). ` +
        `Broadsheet falls back to checking ${root} ${every}; raise the limit with ` +
        `"sudo sysctl fs.inotify.max_user_watches=524288" (add "fs.inotify.max_user_watches=524288" to ` +
        `/etc/sysctl.conf to keep it) and restart Broadsheet.`
      );
    case 'instance-limit':
      return (
        `The system's limit on file watchers or open files is reached (fs.inotify.max_user_instances or ` +
        `"ulimit -n"). Broadsheet falls back to checking ${root} ${every}; raise the limit with ` +
        `"sudo sysctl fs.inotify.max_user_instances=1024" or close other programs that watch files, ` +
        `and restart Broadsheet.`
      );
    default:
      return (
        `Broadsheet cannot watch ${root} for changes (${(error as Error)?.message ?? String(error)}). ` +
        `It falls back to checking the folder ${every}.`
      );
  }
}

function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
