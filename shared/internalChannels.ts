// IPC channels between the preload and the main process that the page never sees: they are not
// part of BroadsheetApi and no exposed function takes a channel name.

/**
 * The preload reports each real path webUtils.getPathForFile resolved for a dropped File, so the
 * main process may accept exactly those paths in openFile/addFolders (see electron/main/pathGrants).
 * Sent synchronously so the grant exists before the page's request that follows the drop.
 */
export const PATH_GRANT_CHANNEL = 'broadsheet-internal:path-granted';
