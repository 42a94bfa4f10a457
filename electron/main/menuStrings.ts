// Menu labels in English and Simplified Chinese.

import type { LanguageSetting } from '../../shared/types';

type MenuLanguage = 'en' | 'zh-CN';

export interface MenuStrings {
  file: string;
  openFolder: string;
  openRecent: string;
  noRecent: string;
  closeWindow: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  find: string;
  libraryPanel: string;
  toggleStar: string;
  reload: string;
  toggleDevTools: string;
  zoomIn: string;
  zoomOut: string;
  resetZoom: string;
  toggleFullScreen: string;
  help: string;
  keyboardShortcuts: string;
  about: string;
  pickFoldersTitle: string;
  exportMenu: string;
  exportTitle: string;
}

const EN: MenuStrings = {
  file: '&File',
  openFolder: 'Open Folder…',
  openRecent: 'Open Recent',
  noRecent: 'No Recent Folders',
  closeWindow: 'Close Window',
  quit: 'Quit Broadsheet',
  edit: '&Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: '&View',
  find: 'Find…',
  libraryPanel: 'Library',
  toggleStar: 'Star Article',
  reload: 'Reload',
  toggleDevTools: 'Toggle Developer Tools',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  resetZoom: 'Actual Size',
  toggleFullScreen: 'Toggle Full Screen',
  help: '&Help',
  keyboardShortcuts: 'Keyboard Shortcuts',
  about: 'About Broadsheet',
  pickFoldersTitle: 'Open Folder',
  exportMenu: 'Export…',
  exportTitle: 'Export articles to',
};

const ZH_CN: MenuStrings = {
  file: '文件(&F)',
  openFolder: '打开文件夹…',
  openRecent: '最近打开',
  noRecent: '没有最近的文件夹',
  closeWindow: '关闭窗口',
  quit: '退出 Broadsheet',
  edit: '编辑(&E)',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  view: '视图(&V)',
  find: '查找…',
  libraryPanel: '资料库',
  toggleStar: '收藏文章',
  reload: '重新加载',
  toggleDevTools: '切换开发者工具',
  zoomIn: '放大',
  zoomOut: '缩小',
  resetZoom: '实际大小',
  toggleFullScreen: '切换全屏',
  help: '帮助(&H)',
  keyboardShortcuts: '键盘快捷键',
  about: '关于 Broadsheet',
  pickFoldersTitle: '打开文件夹',
  exportMenu: '导出…',
  exportTitle: '导出文章到',
};

/**
 * The language the user chose in settings, else the system's. Every Chinese locale gets the
 * Simplified Chinese menus, the only Chinese we ship; everything else gets English.
 */
export function menuLanguage(setting: LanguageSetting | undefined, systemLocale: string): MenuLanguage {
  if (setting === 'en' || setting === 'zh-CN') return setting;
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function menuStrings(language: MenuLanguage): MenuStrings {
  return language === 'zh-CN' ? ZH_CN : EN;
}
